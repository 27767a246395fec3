using Npgsql;
using Switchboard.Silo.Storage.Blobs;
using Switchboard.Tests.Attachments;

namespace Switchboard.Tests.Cluster;

/// <summary>The PostgreSQL large-object blob store (<c>Blobs:Kind=Postgres</c>) on a real server.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresBlobStoreTests(DatabaseServers servers) : IAsyncLifetime
{
    private string _connectionString = "";
    private PostgresBlobStore _store = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await servers.Postgres.CreateDatabaseAsync("blobs");
        _store = new PostgresBlobStore(_connectionString);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task It_writes_reads_lists_and_deletes_like_every_store()
    {
        await BlobStoreContract.WritesReadsListsAndDeletesAsync(_store);

        // Replaced and deleted blobs took their large objects with them: only the one meta blob is left.
        Assert.Equal(1, await LargeObjectsAsync());
    }

    [Fact]
    public async Task A_failed_write_leaves_no_row_and_no_large_object()
    {
        await _store.WriteAsync("files/kept", new MemoryStream([1, 2, 3]), "application/pdf", CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync("files/broken", new BreakingStream(), "image/png", CancellationToken.None));

        Assert.Null(await _store.OpenReadAsync("files/broken", CancellationToken.None));
        Assert.Equal(1, await LargeObjectsAsync());
    }

    [Fact]
    public async Task Deleting_a_blob_unlinks_its_large_object()
    {
        await _store.WriteAsync("files/a", new MemoryStream(new byte[600_000]), "application/pdf", CancellationToken.None);
        await _store.WriteAsync("files/b", new MemoryStream([9]), "application/pdf", CancellationToken.None);

        await _store.DeleteAsync("files/a", CancellationToken.None);

        Assert.Equal(1, await LargeObjectsAsync());
        await using var b = await _store.OpenReadAsync("files/b", CancellationToken.None);
        Assert.Equal(9, b!.ReadByte());
    }

    private async Task<long> LargeObjectsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_largeobject_metadata", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A body that breaks off after its first chunk, as a dropped upload does.</summary>
    private sealed class BreakingStream : MemoryStream
    {
        private bool _sent;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent)
            {
                throw new IOException("The connection dropped.");
            }
            _sent = true;
            buffer.Span.Fill(1);
            return ValueTask.FromResult(buffer.Length);
        }
    }
}
