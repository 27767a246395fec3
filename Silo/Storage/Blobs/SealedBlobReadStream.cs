using System.Security.Cryptography;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// Reads a sealed blob (<see cref="SealedBlobFormat"/>) as its plaintext, one chunk at a time. Over a seekable store
/// stream (a file) it seeks too, by chunk, so a video player's range requests still work; over a network stream it
/// reads forward. A changed, reordered or cut-off chunk throws <see cref="InvalidDataException"/> mid-read: no
/// tampered byte is ever returned.
/// </summary>
public sealed class SealedBlobReadStream : Stream
{
    private readonly Stream _sealed;
    private readonly AesGcm _aes;
    private readonly byte[] _associated;
    private readonly byte[] _record = new byte[SealedBlobFormat.RecordLength];
    private readonly byte[] _plain = new byte[SealedBlobFormat.ChunkSize];
    private readonly long? _length;
    private long _chunk = -1;
    private int _chunkLength;
    private bool _chunkIsLast;
    private long _position;

    /// <summary><paramref name="sealedBlob"/> is positioned after the header, which the caller has checked.</summary>
    public SealedBlobReadStream(Stream sealedBlob, byte[] key, string blobKey)
    {
        _sealed = sealedBlob;
        _aes = new AesGcm(key, Aead.TagLength);
        _associated = SealedBlobFormat.Associated(blobKey);
        _length = sealedBlob.CanSeek ? SealedBlobFormat.PlainLength(sealedBlob.Length) ?? throw Damaged() : null;
    }

    public override bool CanRead => true;
    public override bool CanSeek => _length is not null;
    public override bool CanWrite => false;
    public override long Length => _length ?? throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!Positioned())
        {
            Load(_position / SealedBlobFormat.ChunkSize, Fill(_position / SealedBlobFormat.ChunkSize));
        }
        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Positioned())
        {
            var chunk = _position / SealedBlobFormat.ChunkSize;
            SeekSealedTo(chunk);
            Load(chunk, await _sealed.ReadAtLeastAsync(_record, _record.Length, throwOnEndOfStream: false, cancellationToken));
        }
        return CopyOut(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!CanSeek)
        {
            throw new NotSupportedException();
        }
        var target = origin switch { SeekOrigin.Current => _position + offset, SeekOrigin.End => Length + offset, _ => offset };
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        return _position = target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sealed.Dispose();
            _aes.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _sealed.DisposeAsync();
        _aes.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Whether the loaded chunk has the byte at the position (or the position is the end of the last chunk).</summary>
    private bool Positioned()
    {
        var chunk = _position / SealedBlobFormat.ChunkSize;
        var within = _position % SealedBlobFormat.ChunkSize;
        return (_chunk == chunk && within < _chunkLength)
            || (_chunkIsLast && _position >= _chunk * SealedBlobFormat.ChunkSize + _chunkLength)
            || _position >= _length;
    }

    private int Fill(long chunk)
    {
        SeekSealedTo(chunk);
        return _sealed.ReadAtLeast(_record, _record.Length, throwOnEndOfStream: false);
    }

    private void SeekSealedTo(long chunk)
    {
        if (CanSeek)
        {
            _sealed.Position = SealedBlobFormat.HeaderLength + chunk * SealedBlobFormat.RecordLength;
        }
        else if (chunk != _chunk + 1)
        {
            throw new InvalidOperationException("A forward-only sealed blob is read in order.");
        }
    }

    private void Load(long chunk, int read)
    {
        if (read < Aead.Overhead)
        {
            throw Damaged();
        }
        var last = read < _record.Length;
        try
        {
            SealedBlobFormat.OpenChunk(_aes, _record.AsSpan(0, read), _plain.AsSpan(0, read - Aead.Overhead), _associated, chunk, last);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Damaged();
        }
        (_chunk, _chunkLength, _chunkIsLast) = (chunk, read - Aead.Overhead, last);
    }

    private int CopyOut(Span<byte> buffer)
    {
        if (_chunk < 0 || _position >= _length)
        {
            return 0;
        }
        var within = (int)(_position - _chunk * SealedBlobFormat.ChunkSize);
        var count = Math.Min(buffer.Length, Math.Max(0, _chunkLength - within));
        _plain.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    private static InvalidDataException Damaged() =>
        new("The stored file does not open with its key: it was changed, cut short or moved.");
}
