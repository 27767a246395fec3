using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// Blobs as PostgreSQL large objects, named by a row of <c>switchboard_blobs</c>: the cluster's fallback when there is
/// neither an S3-compatible server nor a shared volume. The server's own functions (<c>lo_create</c>, <c>lo_put</c>,
/// <c>lo_get</c>, <c>lo_unlink</c>) are called in chunks, as Npgsql advises since it made its
/// <c>NpgsqlLargeObjectManager</c> obsolete. The object is streamed in and named in one transaction, so a failed write
/// leaves nothing; a replaced or deleted blob's object is unlinked with its row (rows do not take objects with them).
/// </summary>
public sealed class PostgresBlobStore : IBlobStore, IAsyncDisposable
{
    /// <summary>"Switchboard blobs": serializes the table's creation between nodes starting at once.</summary>
    private const long SchemaLock = 0x5357_4244_424C_4F42;
    private const int BufferSize = 81920;
    /// <summary>Bytes per <c>lo_put</c>/<c>lo_get</c> round trip: few trips, little memory.</summary>
    private const int ChunkSize = 256 * 1024;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Lazy<Task> _tableReady;

    public PostgresBlobStore(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _tableReady = new Lazy<Task>(CreateTableAsync);
    }

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await _tableReady.Value;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var oid = await ScalarAsync<uint>(connection, transaction, "SELECT lo_create(0)", cancellationToken);
        long size = 0;
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            await using var put = new NpgsqlCommand("SELECT lo_put($1, $2, $3)", connection, transaction);
            put.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlDbType.Oid });
            put.Parameters.Add(new NpgsqlParameter { Value = size });
            put.Parameters.Add(new NpgsqlParameter { Value = new ArraySegment<byte>(buffer, 0, read), NpgsqlDbType = NpgsqlDbType.Bytea });
            await put.ExecuteNonQueryAsync(cancellationToken);
            size += read;
        }
        await using (var replace = new NpgsqlCommand("""
            WITH old AS (SELECT oid FROM switchboard_blobs WHERE key = $1 FOR UPDATE),
                 put AS (INSERT INTO switchboard_blobs (key, oid, content_type, size) VALUES ($1, $2, $3, $4)
                         ON CONFLICT (key) DO UPDATE SET oid = EXCLUDED.oid, content_type = EXCLUDED.content_type,
                                                          size = EXCLUDED.size, written_at = now())
            SELECT lo_unlink(oid) FROM old
            """, connection, transaction))
        {
            replace.Parameters.Add(new NpgsqlParameter { Value = key });
            replace.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlDbType.Oid });
            replace.Parameters.Add(new NpgsqlParameter { Value = contentType });
            replace.Parameters.Add(new NpgsqlParameter { Value = size });
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A large object is read inside a transaction; the bytes are copied to a temporary file so the connection goes
    /// back to the pool at once however slowly the reader (a download) takes them.
    /// </summary>
    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        await _tableReady.Value;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("SELECT oid, size FROM switchboard_blobs WHERE key = $1", connection, transaction);
        find.Parameters.Add(new NpgsqlParameter { Value = key });
        uint oid;
        long size;
        await using (var row = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await row.ReadAsync(cancellationToken))
            {
                return null;
            }
            (oid, size) = (row.GetFieldValue<uint>(0), row.GetInt64(1));
        }
        var copy = new FileStream(
            Path.Combine(Path.GetTempPath(), "switchboard-blob-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            for (long offset = 0; offset < size; offset += ChunkSize)
            {
                await using var get = new NpgsqlCommand("SELECT lo_get($1, $2, $3)", connection, transaction);
                get.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlDbType.Oid });
                get.Parameters.Add(new NpgsqlParameter { Value = offset });
                get.Parameters.Add(new NpgsqlParameter { Value = ChunkSize });
                var chunk = (byte[])(await get.ExecuteScalarAsync(cancellationToken))!;
                await copy.WriteAsync(chunk, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _tableReady.Value;
        await using var delete = _dataSource.CreateCommand(
            "WITH gone AS (DELETE FROM switchboard_blobs WHERE key = $1 RETURNING oid) SELECT lo_unlink(oid) FROM gone");
        delete.Parameters.Add(new NpgsqlParameter { Value = key });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _tableReady.Value;
        await using var list = _dataSource.CreateCommand("SELECT key FROM switchboard_blobs WHERE starts_with(key, $1) ORDER BY key");
        list.Parameters.Add(new NpgsqlParameter { Value = prefix });
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0);
        }
    }

    private async Task CreateTableAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var create = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({SchemaLock});
            CREATE TABLE IF NOT EXISTS switchboard_blobs (
                key text PRIMARY KEY,
                oid oid NOT NULL,
                content_type text NOT NULL,
                size bigint NOT NULL,
                written_at timestamptz NOT NULL DEFAULT now());
            """, connection, transaction);
        await create.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
