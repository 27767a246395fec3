using Switchboard.Silo.Storage.Blobs;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

public sealed class BlobStoreTests
{
    [Fact]
    public async Task The_file_system_store_keeps_blobs_under_its_directory()
    {
        using var directory = new TempDirectory();

        await BlobStoreContract.WritesReadsListsAndDeletesAsync(new FileSystemBlobStore(directory.Path));
    }

    [Fact]
    public async Task The_file_system_store_refuses_keys_that_climb_out_of_its_directory()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemBlobStore(Path.Combine(directory.Path, "blobs"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteAsync("../escaped", new MemoryStream([1]), "application/pdf", CancellationToken.None));

        Assert.False(File.Exists(Path.Combine(directory.Path, "escaped")));
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_under_the_key()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemBlobStore(directory.Path);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("files/broken", new FailingStream(), "image/png", CancellationToken.None));

        Assert.Empty(Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_s3_store_keeps_blobs_in_a_bucket_of_an_s3_compatible_server()
    {
        await using var s3 = await S3rverServer.StartAsync();
        using var store = new S3BlobStore(new BlobStoreOptions
        {
            Kind = BlobStoreOptions.S3, ServiceUrl = s3.ServiceUrl, Bucket = "switchboard-test",
            AccessKey = S3rverServer.Credential, SecretKey = S3rverServer.Credential,
        });

        await BlobStoreContract.WritesReadsListsAndDeletesAsync(store);
    }

    /// <summary>A body that breaks off after a few bytes, as a dropped upload does.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private bool _sent;

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent)
            {
                throw new IOException("The connection dropped.");
            }
            _sent = true;
            buffer.Span[..4].Fill(1);
            return ValueTask.FromResult(4);
        }
    }
}
