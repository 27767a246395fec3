using System.Text;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// A long contact list written as it is read, a line at a time (line 0 first, then 1 … <paramref name="lines"/>): the
/// test holds no more of it than the gateway should, so a list of any length can be sent.
/// </summary>
internal sealed class GeneratedLines(int lines, Func<int, string> line, int first = 1) : Stream
{
    private int _next = first;
    private byte[] _pending = [];
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset == _pending.Length)
        {
            if (_next > lines)
            {
                return 0;
            }
            _pending = Encoding.UTF8.GetBytes(line(_next++));
            _offset = 0;
        }
        var n = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
