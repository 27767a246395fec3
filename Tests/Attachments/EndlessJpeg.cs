namespace Switchboard.Tests.Attachments;

/// <summary>
/// A huge upload that is never in memory: a JPEG's first bytes, then zeros up to <see cref="Length"/>, produced as
/// they are read. <see cref="Position"/> tells how much the client got to send.
/// </summary>
public sealed class EndlessJpeg(long length) : Stream
{
    private static readonly byte[] Start = [0xFF, 0xD8, 0xFF, 0xE0];
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => Interlocked.Read(ref _position); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = Interlocked.Read(ref _position);
        var count = (int)Math.Min(buffer.Length, length - position);
        buffer[..count].Clear();
        for (var i = 0; i < count && position + i < Start.Length; i++)
        {
            buffer[i] = Start[position + i];
        }
        Interlocked.Add(ref _position, count);
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
