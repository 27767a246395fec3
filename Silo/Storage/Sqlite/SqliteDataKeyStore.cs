using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// The standalone key store: its own file, <c>keys.db</c>, next to the data, so a copy of <c>switchboard.db</c> holds
/// no key. Deletes overwrite the key's bytes in the file (<c>secure_delete</c>). The file is in WAL mode, so a new
/// conversation's key costs one sync (the rollback journal cost four, on every chat start); a delete or replace is
/// followed by a truncating checkpoint, which writes the overwritten page into the file and empties the WAL, so no
/// old copy of a destroyed key is left behind in either.
/// </summary>
public sealed class SqliteDataKeyStore : IDataKeyStore, IAsyncDisposable
{
    public const string FileName = "keys.db";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS data_keys (
            owner      TEXT NOT NULL PRIMARY KEY,
            wrapped_by TEXT NOT NULL,
            sealed     BLOB NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteDataKeyStore(StorageOptions options, ILogger<SqliteWriter> logger)
    {
        _database = new SqliteDatabase(options.FullDataDirectory, FileName, Migrate);
        _writer = new SqliteWriter(_database, logger);
    }

    public string FilePath => _database.FilePath;

    public async Task<WrappedKey?> FindAsync(string owner, CancellationToken cancellationToken = default)
    {
        using var connection = _database.Readers.Rent();
        var command = connection.Command("SELECT wrapped_by, sealed FROM data_keys WHERE owner = $owner", ["$owner"]);
        command.Parameters[0].Value = owner;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new WrappedKey(reader.GetString(0), (byte[])reader[1]) : null;
    }

    public Task<WrappedKey> AddAsync(string owner, WrappedKey key, CancellationToken cancellationToken = default) => _writer.Enqueue(context =>
    {
        // Every new visitor and conversation gets its key here, so the insert is bound through SQLite's API.
        var insert = context.Bound("INSERT INTO data_keys (owner, wrapped_by, sealed, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (owner) DO NOTHING");
        insert.Bind(1, owner);
        insert.Bind(2, key.WrappedBy);
        insert.Bind(3, key.Sealed);
        insert.BindUtc(4, DateTimeOffset.UtcNow);
        if (insert.Run() == 1)
        {
            return key;
        }
        var select = context.Command("SELECT wrapped_by, sealed FROM data_keys WHERE owner = $owner");
        select.Parameters.AddWithValue("$owner", owner);
        using var reader = select.ExecuteReader();
        reader.Read();
        return new WrappedKey(reader.GetString(0), (byte[])reader[1]);
    });

    public async Task ReplaceAsync(string owner, WrappedKey key, CancellationToken cancellationToken = default)
    {
        await _writer.Enqueue(context =>
        {
            context.Command("PRAGMA secure_delete = ON").ExecuteNonQuery();
            var update = context.Command("UPDATE data_keys SET wrapped_by = $by, sealed = $sealed WHERE owner = $owner");
            update.Parameters.AddWithValue("$owner", owner);
            update.Parameters.AddWithValue("$by", key.WrappedBy);
            update.Parameters.AddWithValue("$sealed", key.Sealed);
            return update.ExecuteNonQuery();
        });
        await LeaveNoOldCopyAsync(cancellationToken);
    }

    public async Task DeleteAsync(string owner, CancellationToken cancellationToken = default)
    {
        await _writer.Enqueue(context =>
        {
            context.Command("PRAGMA secure_delete = ON").ExecuteNonQuery();
            var delete = context.Command("DELETE FROM data_keys WHERE owner = $owner");
            delete.Parameters.AddWithValue("$owner", owner);
            return delete.ExecuteNonQuery();
        });
        await LeaveNoOldCopyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string Owner, WrappedKey Key)>> SiteKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner, wrapped_by, sealed FROM data_keys WHERE owner LIKE 'site:%' ORDER BY owner";
        var keys = new List<(string, WrappedKey)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), new WrappedKey(reader.GetString(1), (byte[])reader[2])));
        }
        return keys;
    }

    public async Task<IReadOnlyList<(string Owner, WrappedKey Key)>> DataKeysOfSiteAsync(string site, string after, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        // Owners of a site run from "{site}/" up to "{site}0" ('0' follows '/'); SQLite compares text byte by byte.
        command.CommandText = "SELECT owner, wrapped_by, sealed FROM data_keys WHERE owner > $after AND owner >= $from AND owner < $to ORDER BY owner LIMIT $limit";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$from", site + "/");
        command.Parameters.AddWithValue("$to", site + "0");
        command.Parameters.AddWithValue("$limit", limit);
        var keys = new List<(string, WrappedKey)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), new WrappedKey(reader.GetString(1), (byte[])reader[2])));
        }
        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>
    /// Copies the WAL's pages into the file, overwriting the destroyed key's old page there, and empties the WAL,
    /// which held the page's earlier versions. A reader's snapshot holds it up to the busy timeout (reads are short).
    /// </summary>
    private async Task LeaveNoOldCopyAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) != 0)
        {
            throw new InvalidOperationException($"{FileName} could not be checkpointed after a key was destroyed: a reader held it past the busy timeout.");
        }
    }

    private static void Migrate(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }
}
