using System.Data.Common;
using Microsoft.Data.Sqlite;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>
/// The standalone read model: a file of its own next to the event log's, so its writes never wait on (or hold up)
/// the log's group commit. Its folds can be rebuilt from the log; the retailer's orders, the operators' time and an
/// erasure's blanking cannot, so they are synced at every commit and the folds are not (one WAL serves both: a
/// synced commit syncs what came before it).
/// </summary>
public sealed class SqliteReportDatabase : IReportDatabase
{
    public const string FileName = "reports.db";

    private readonly SqliteDatabase _file;

    public SqliteReportDatabase(StorageOptions options)
    {
        _file = new SqliteDatabase(options.FullDataDirectory, FileName, Migrate);
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(_file.Open());

    // Unsynced: a fold lost to a power cut rolls back with its checkpoint and is folded again.
    public Task<DbConnection> OpenForFoldingAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(_file.OpenUnsynced());

    // IMMEDIATE: a transaction that reads and then writes takes the write lock first, so two never deadlock.
    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken) => Task.FromResult<IProjectionLead?>(SoleProjectionLead.Instance);

    private static void Migrate(SqliteConnection connection)
    {
        using var schema = connection.CreateCommand();
        schema.CommandText = "PRAGMA journal_mode = WAL;" + ReportSql.Tables + ReportSql.DayTables + OperatorTimeSql.Table;
        schema.ExecuteNonQuery();
        schema.CommandText = ReportSql.HasCustomerColumn;
        if (Convert.ToInt64(schema.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            schema.CommandText = ReportSql.CustomerColumn;
            schema.ExecuteNonQuery();
        }
        schema.CommandText = ReportSql.CustomerIndexes;
        schema.ExecuteNonQuery();
    }
}
