using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// A blob encrypted at rest, in chunks so that neither writing nor reading holds a file in memory:
/// <c>"SBF1"</c>, the chunk size (4 bytes, little-endian), then chunks of <c>[nonce 12][tag 16][ciphertext]</c>, each
/// AES-256-GCM. Every chunk but the last holds <see cref="ChunkSize"/> bytes; the last holds fewer (none when the
/// file fills its chunks). A chunk's associated data is the blob's key, its index and whether it is the last, so
/// chunks cannot be reordered, dropped, cut off at a chunk boundary or moved to another blob without failing to open.
/// </summary>
public static class SealedBlobFormat
{
    public const int ChunkSize = 64 * 1024;
    public const int HeaderLength = 8;
    public const int RecordLength = Aead.Overhead + ChunkSize;

    public static ReadOnlySpan<byte> Magic => "SBF1"u8;

    /// <summary>Encrypts <paramref name="plaintext"/> (read to its end) into <paramref name="destination"/>.</summary>
    public static async Task SealAsync(Stream plaintext, Stream destination, AesGcm aes, string blobKey, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), ChunkSize);
        await destination.WriteAsync(header, cancellationToken);
        var plain = new byte[ChunkSize];
        var record = new byte[RecordLength];
        var associated = Associated(blobKey);
        for (long index = 0; ; index++)
        {
            var read = await plaintext.ReadAtLeastAsync(plain, ChunkSize, throwOnEndOfStream: false, cancellationToken);
            var last = read < ChunkSize;
            SealChunk(aes, plain.AsSpan(0, read), record.AsSpan(0, Aead.Overhead + read), associated, index, last);
            await destination.WriteAsync(record.AsMemory(0, Aead.Overhead + read), cancellationToken);
            if (last)
            {
                break;
            }
        }
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>The blob key followed by room for the chunk's index (8 bytes) and last-chunk flag (1 byte).</summary>
    public static byte[] Associated(string blobKey)
    {
        var key = Encoding.UTF8.GetBytes(blobKey);
        var associated = new byte[key.Length + 9];
        key.CopyTo(associated, 0);
        return associated;
    }

    public static void OpenChunk(AesGcm aes, ReadOnlySpan<byte> record, Span<byte> plain, byte[] associated, long index, bool last)
    {
        Mark(associated, index, last);
        aes.Decrypt(record[..Aead.NonceLength], record[Aead.Overhead..], record.Slice(Aead.NonceLength, Aead.TagLength), plain, associated);
    }

    /// <summary>The plaintext's length from the sealed blob's, or null when that length cannot be a sealed blob's.</summary>
    public static long? PlainLength(long sealedLength)
    {
        var body = sealedLength - HeaderLength;
        var lastRecord = body % RecordLength;
        return body < Aead.Overhead || lastRecord < Aead.Overhead ? null : body - (body / RecordLength + 1) * Aead.Overhead;
    }

    private static void SealChunk(AesGcm aes, ReadOnlySpan<byte> plain, Span<byte> record, byte[] associated, long index, bool last)
    {
        Mark(associated, index, last);
        var nonce = record[..Aead.NonceLength];
        Nonces.Fill(nonce);
        aes.Encrypt(nonce, plain, record[Aead.Overhead..], record.Slice(Aead.NonceLength, Aead.TagLength), associated);
    }

    private static void Mark(byte[] associated, long index, bool last)
    {
        BinaryPrimitives.WriteInt64BigEndian(associated.AsSpan(associated.Length - 9), index);
        associated[^1] = last ? (byte)1 : (byte)0;
    }
}
