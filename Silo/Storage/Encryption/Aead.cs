using System.Security.Cryptography;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// AES-256-GCM as stored: <c>[prefix][nonce 12][tag 16][ciphertext]</c>. The associated data binds a ciphertext to
/// where it belongs (a key to its owner, a field set to its event), so a row copied elsewhere fails to open.
/// </summary>
public static class Aead
{
    public const int KeyLength = 32;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int Overhead = NonceLength + TagLength;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);

    /// <summary>Seals <paramref name="plaintext"/>, leaving <paramref name="prefixLength"/> bytes at the start for the caller's header.</summary>
    public static byte[] Seal(AesGcm aes, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associated, int prefixLength = 0)
    {
        var sealedBytes = new byte[prefixLength + Overhead + plaintext.Length];
        var nonce = sealedBytes.AsSpan(prefixLength, NonceLength);
        Nonces.Fill(nonce);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(prefixLength + Overhead), sealedBytes.AsSpan(prefixLength + NonceLength, TagLength), associated);
        return sealedBytes;
    }

    /// <summary>As above with a cipher made for this call (for keys used once; <see cref="CachedCiphers"/> keeps one per conversation key).</summary>
    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associated, int prefixLength = 0)
    {
        using var aes = new AesGcm(key, TagLength);
        return Seal(aes, plaintext, associated, prefixLength);
    }

    /// <summary>The plaintext; throws <see cref="AuthenticationTagMismatchException"/> for a wrong key or a changed byte.</summary>
    public static byte[] Open(AesGcm aes, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated)
    {
        if (sealedBytes.Length < Overhead)
        {
            throw new AuthenticationTagMismatchException();
        }
        var plaintext = new byte[sealedBytes.Length - Overhead];
        aes.Decrypt(sealedBytes[..NonceLength], sealedBytes[Overhead..], sealedBytes.Slice(NonceLength, TagLength), plaintext, associated);
        return plaintext;
    }

    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated)
    {
        using var aes = new AesGcm(key, TagLength);
        return Open(aes, sealedBytes, associated);
    }
}
