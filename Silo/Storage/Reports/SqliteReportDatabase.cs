using System.Data.Common;
using Microsoft.Data.Sqlite;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>
/// The standalone read model: a file of its own next to the event log's, so its writes never wait on (or hold up)
/// the log's group commit. Deleting it is a rebuild.
/// </summary>
public sealed class SqliteReportDatabase : IReportDatabase
{
    public const string FileName = "reports.db";

    private readonly SqliteDatabase _file;

    public SqliteReportDatabase(StorageOptions options)
    {
        // Not durable (synchronous = NORMAL): the read model is rebuilt from the log, so a commit lost to a power cut
        // costs nothing.
        _file = new SqliteDatabase(options.FullDataDirectory, FileName, Migrate, durable: false);
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(_file.Open());

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
