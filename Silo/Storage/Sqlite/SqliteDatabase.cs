using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The standalone database: one SQLite file in WAL mode, migrated on first use.</summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "switchboard.db";

    /// <summary>How long a connection waits for a lock another holds before it gives up (SQLite's <c>busy_timeout</c>).</summary>
    public const int BusyTimeoutMs = 30_000;

    // FULL: every commit reaches the disk before an append is acknowledged; batching pays for the sync.
    private static readonly string Synced = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMs};";
    // NORMAL: in WAL mode the log is synced at checkpoints only.
    private static readonly string Unsynced = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutMs};";

    private readonly string _pragmas;

    public SqliteDatabase(StorageOptions options)
        : this(options.FullDataDirectory, FileName, SqliteSchema.Migrate)
    {
    }

    /// <summary>
    /// Another file in the data directory with its own schema (the key store keeps its keys apart from the data; the
    /// read model and the campaigns' contacts keep their writes off the log's group commit). <paramref name="durable"/>
    /// false syncs at checkpoints only (<c>synchronous = NORMAL</c>), for a file rebuilt from the log.
    /// </summary>
    public SqliteDatabase(string directory, string fileName, Action<SqliteConnection> migrate, bool durable = true)
    {
        _pragmas = durable ? Synced : Unsynced;
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, fileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        migrate(connection);
        Readers = new SqliteReadConnections(Open);
    }

    public string FilePath { get; }
    public string ConnectionString { get; }

    /// <summary>Kept read connections with prepared statements, for the reads every chat makes (grain state, a conversation's events, keys, reminders).</summary>
    public SqliteReadConnections Readers { get; }

    public SqliteConnection Open() => Open(_pragmas);

    /// <summary>
    /// A connection to the same file whose commits do not wait for the disk (<c>synchronous = NORMAL</c>), for writes
    /// that can be made again after a power cut; a synced commit on another connection syncs them too (one WAL).
    /// </summary>
    public SqliteConnection OpenUnsynced() => Open(Unsynced);

    private SqliteConnection Open(string pragmaText)
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = pragmaText;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public void Dispose() => Readers.Dispose();
}
