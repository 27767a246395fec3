using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The standalone database: one SQLite file in WAL mode, migrated on first use.</summary>
public sealed class SqliteDatabase
{
    public const string FileName = "switchboard.db";

    public SqliteDatabase(StorageOptions options)
        : this(options.FullDataDirectory, FileName, SqliteSchema.Migrate)
    {
    }

    /// <summary>Another file in the data directory with its own schema (the key store keeps its keys apart from the data).</summary>
    public SqliteDatabase(string directory, string fileName, Action<SqliteConnection> migrate)
    {
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
    }

    public string FilePath { get; }
    public string ConnectionString { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // FULL: every commit reaches the disk before an append is acknowledged; batching pays for the sync.
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
