using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Blobs;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

/// <summary>
/// Attachment bytes at rest: what lies in the directory (or bucket) is ciphertext under the attachment's own key, read
/// back whole and by range, refused when changed or cut, and unreadable for good — backups included — once deleted.
/// </summary>
public sealed class SealedBlobStoreTests : IAsyncLifetime
{
    private const string Id = "0123456789abcdef0123456789abcdef";
    private static readonly string FileKey = AttachmentKeys.File(Id);

    private readonly TempDirectory _directory = new();
    private SqliteDataKeyStore _keyStore = null!;
    private FileSystemBlobStore _disk = null!;
    private SealedBlobStore _store = null!;

    public Task InitializeAsync()
    {
        _keyStore = new SqliteDataKeyStore(new StorageOptions { DataDirectory = _directory.Path }, NullLogger<SqliteWriter>.Instance);
        _disk = new FileSystemBlobStore(Path.Combine(_directory.Path, "attachments"));
        _store = new SealedBlobStore(_disk, new BlobKeys(_keyStore, TestKeys.Masters()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _keyStore.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(SealedBlobFormat.ChunkSize)]
    [InlineData(SealedBlobFormat.ChunkSize + 1)]
    [InlineData(3 * SealedBlobFormat.ChunkSize + 1000)]
    public async Task A_file_is_ciphertext_on_disk_and_reads_back_whole(int size)
    {
        var file = Content(size);

        await _store.WriteAsync(FileKey, new MemoryStream(file), "application/pdf", CancellationToken.None);

        var onDisk = await File.ReadAllBytesAsync(Path.Combine(_disk.Directory, "files", Id));
        Assert.Equal("SBF1", Encoding.ASCII.GetString(onDisk[..4]));
        if (size > 0)
        {
            Assert.DoesNotContain("%PDF-1.4 order 42", Encoding.ASCII.GetString(onDisk));
        }
        Assert.Equal(file, await ReadAsync(FileKey));
    }

    [Fact]
    public async Task Over_a_forward_only_stream_as_S3_answers_it_reads_in_order_and_still_refuses_a_cut_file()
    {
        var forwardOnly = new SealedBlobStore(new ForwardOnlyStore(_disk), new BlobKeys(_keyStore, TestKeys.Masters()));
        var file = Content(3 * SealedBlobFormat.ChunkSize);
        await forwardOnly.WriteAsync(FileKey, new MemoryStream(file), "video/mp4", CancellationToken.None);

        await using (var stream = (await forwardOnly.OpenReadAsync(FileKey, CancellationToken.None))!)
        {
            Assert.False(stream.CanSeek);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(file, copy.ToArray());
        }
        var path = Path.Combine(_disk.Directory, "files", Id);
        var sealedBytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, sealedBytes[..(SealedBlobFormat.HeaderLength + 3 * SealedBlobFormat.RecordLength)]);
        await using var cut = (await forwardOnly.OpenReadAsync(FileKey, CancellationToken.None))!;
        await Assert.ThrowsAsync<InvalidDataException>(() => cut.CopyToAsync(Stream.Null));
    }

    [Fact]
    public Task It_keeps_the_contract_of_every_blob_store() => BlobStoreContract.WritesReadsListsAndDeletesAsync(_store);

    [Fact]
    public async Task A_range_in_the_middle_reads_by_seeking_as_a_video_player_asks()
    {
        var file = Content(5 * SealedBlobFormat.ChunkSize + 77);
        await _store.WriteAsync(FileKey, new MemoryStream(file), "video/mp4", CancellationToken.None);
        await using var stream = (await _store.OpenReadAsync(FileKey, CancellationToken.None))!;
        var start = 2 * SealedBlobFormat.ChunkSize - 10;
        var range = new byte[SealedBlobFormat.ChunkSize + 20];

        Assert.True(stream.CanSeek);
        Assert.Equal(file.Length, stream.Length);
        stream.Position = start;
        await stream.ReadExactlyAsync(range);

        Assert.Equal(file.AsSpan(start, range.Length).ToArray(), range);
        stream.Seek(-5, SeekOrigin.End);
        var tail = new byte[10];
        Assert.Equal(5, await stream.ReadAtLeastAsync(tail, 10, throwOnEndOfStream: false));
    }

    [Fact]
    public async Task A_changed_byte_or_a_file_cut_at_a_chunk_boundary_is_refused_not_returned()
    {
        var file = Content(2 * SealedBlobFormat.ChunkSize + 5);
        await _store.WriteAsync(FileKey, new MemoryStream(file), "application/pdf", CancellationToken.None);
        var path = Path.Combine(_disk.Directory, "files", Id);
        var sealedBytes = await File.ReadAllBytesAsync(path);

        var changed = sealedBytes.ToArray();
        changed[SealedBlobFormat.HeaderLength + SealedBlobFormat.RecordLength + 100] ^= 1;
        await File.WriteAllBytesAsync(path, changed);
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(FileKey));

        await File.WriteAllBytesAsync(path, sealedBytes[..(SealedBlobFormat.HeaderLength + 2 * SealedBlobFormat.RecordLength)]);
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(FileKey));
    }

    [Fact]
    public async Task Deleting_a_file_destroys_its_key_so_a_backup_copy_no_longer_opens()
    {
        await _store.WriteAsync(FileKey, new MemoryStream(Content(1000)), "application/pdf", CancellationToken.None);
        var backup = await File.ReadAllBytesAsync(Path.Combine(_disk.Directory, "files", Id));

        await _store.DeleteAsync(FileKey, CancellationToken.None);
        await _disk.WriteAsync(FileKey, new MemoryStream(backup), "application/pdf", CancellationToken.None);

        Assert.Null(await _keyStore.FindAsync(BlobKeys.Owner(Id)));
        Assert.Null(await _store.OpenReadAsync(FileKey, CancellationToken.None));
    }

    [Fact]
    public async Task A_master_key_rotation_re_wraps_the_attachments_key_so_files_open_under_the_new_key_alone()
    {
        var file = Content(1000);
        await _store.WriteAsync(FileKey, new MemoryStream(file), "application/pdf", CancellationToken.None);

        var rotating = new ConversationKeys(
            _keyStore, TestKeys.Masters(TestKeys.OtherMasterKeyBase64, TestKeys.MasterKeyBase64), TimeProvider.System, NullLogger<ConversationKeys>.Instance);
        await rotating.CheckMasterKeyAsync();
        var afterRotation = new SealedBlobStore(_disk, new BlobKeys(_keyStore, TestKeys.Masters(TestKeys.OtherMasterKeyBase64)));

        await using var stream = await afterRotation.OpenReadAsync(FileKey, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        Assert.Equal(file, copy.ToArray());
    }

    [Fact]
    public async Task A_file_stored_before_encryption_reads_as_it_is()
    {
        var file = Content(70_000);
        await _disk.WriteAsync(FileKey, new MemoryStream(file), "application/pdf", CancellationToken.None);

        Assert.Equal(file, await ReadAsync(FileKey));
    }

    private async Task<byte[]> ReadAsync(string key)
    {
        await using var stream = await _store.OpenReadAsync(key, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A store whose reads cannot seek, as an S3 response body cannot.</summary>
    private sealed class ForwardOnlyStore(IBlobStore inner) : IBlobStore
    {
        public Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            inner.WriteAsync(key, content, contentType, cancellationToken);

        public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
            await inner.OpenReadAsync(key, cancellationToken) is { } stream ? new ReplayedStream([], stream) : null;

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }

    /// <summary>A recognisable start, then bytes that differ by position (a shifted or repeated chunk would show).</summary>
    private static byte[] Content(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)(i * 7 + i / 251);
        }
        var marker = "%PDF-1.4 order 42"u8;
        marker[..Math.Min(marker.Length, size)].CopyTo(bytes);
        return bytes;
    }
}
