using System.Data.Common;
using Microsoft.Data.Sqlite;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.Silo.Storage.Campaigns;

/// <summary>
/// Standalone: the contacts in a file of their own next to the event log's, so a list of a million rows being added
/// never holds up the log's group commit. Durable (<c>synchronous = FULL</c>): a claim must be on disk before its call
/// is dialled, or a crash could dial the same step again.
/// </summary>
public sealed class SqliteCampaignDatabase(StorageOptions options) : ICampaignDatabase
{
    public const string FileName = "campaigns.db";

    private readonly SqliteDatabase _file = new(options.FullDataDirectory, FileName, Migrate);

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(_file.Open());

    // IMMEDIATE: a claim reads and then writes; taking the write lock first means two never deadlock.
    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private static void Migrate(SqliteConnection connection)
    {
        using var schema = connection.CreateCommand();
        schema.CommandText = "PRAGMA journal_mode = WAL;" + CampaignSql.Tables;
        schema.ExecuteNonQuery();
    }
}
