using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.Tests.Infrastructure;

/// <summary>A standalone event log of a test's own: SQLite in a temporary directory, its writer and its key store.</summary>
public sealed class SqliteEventLogSetup : IAsyncDisposable
{
    private readonly TempDirectory _data = new();

    /// <param name="meters">Given, the writer reports its commits on it (<see cref="GroupCommitMetrics"/>).</param>
    /// <param name="logSync">Given, the writer syncs its log through it instead of the file (<see cref="IWriteAheadLogSync"/>).</param>
    public SqliteEventLogSetup(IMeterFactory? meters = null, IWriteAheadLogSync? logSync = null)
    {
        Storage = new StorageOptions { DataDirectory = _data.Path };
        Database = new SqliteDatabase(Storage);
        Writer = new SqliteWriter(Database, NullLogger<SqliteWriter>.Instance, meters, logSync);
        Keys = new SqliteDataKeyStore(Storage, NullLogger<SqliteWriter>.Instance);
        Log = new SqliteEventLog(Database, Writer, TestKeys.Sealer(Keys));
    }

    public string DataPath => _data.Path;
    public StorageOptions Storage { get; }
    public SqliteDatabase Database { get; }
    public SqliteWriter Writer { get; }
    public SqliteDataKeyStore Keys { get; }
    public SqliteEventLog Log { get; }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await Keys.DisposeAsync();
        _data.Dispose();
    }
}
