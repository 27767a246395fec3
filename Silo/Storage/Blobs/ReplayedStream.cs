namespace Switchboard.Silo.Storage.Blobs;

/// <summary>A forward-only stream of bytes already read from the start of another, then the rest of it: a blob stored before encryption, read as it is.</summary>
public sealed class ReplayedStream(byte[] head, Stream rest) : Stream
{
    private int _replayed;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _replayed < head.Length ? Replay(buffer) : rest.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _replayed < head.Length ? Replay(buffer.Span) : await rest.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await rest.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Replay(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, head.Length - _replayed);
        head.AsSpan(_replayed, count).CopyTo(buffer);
        _replayed += count;
        return count;
    }
}
