using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Campaigns;

/// <summary>
/// Standalone: the contacts in a file of their own next to the event log's, so a list of a million rows being added
/// never holds up the log's group commit.
/// </summary>
public sealed class SqliteCampaignDatabase : ICampaignDatabase
{
    public const string FileName = "campaigns.db";

    private readonly string _connectionString;

    public SqliteCampaignDatabase(StorageOptions options)
    {
        Directory.CreateDirectory(options.FullDataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.FullDataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        using var schema = connection.CreateCommand();
        schema.CommandText = "PRAGMA journal_mode = WAL;" + CampaignSql.Tables;
        schema.ExecuteNonQuery();
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(Open());

    // IMMEDIATE: a claim reads and then writes; taking the write lock first means two never deadlock.
    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // FULL: a claim must be on disk before its call is dialled, or a crash could dial the same step again.
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
