using System.Security.Cryptography;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// Random AES-GCM nonces drawn from the system's cryptographic generator a block at a time, per thread: one call into
/// OpenSSL for 256 nonces instead of one per sealed value, and a sealed event is made for every chat message. A nonce
/// is stored in the clear beside its ciphertext; what matters is that it never repeats under a key, and 96 bits from the
/// same generator make that exactly as likely as before.
/// </summary>
public static class Nonces
{
    private const int PerBlock = 256;

    [ThreadStatic] private static byte[]? t_block;
    [ThreadStatic] private static int t_next;

    /// <summary>Fills <paramref name="nonce"/> (<see cref="Aead.NonceLength"/> bytes) with bytes no other call gets.</summary>
    public static void Fill(Span<byte> nonce)
    {
        var block = t_block ??= new byte[PerBlock * Aead.NonceLength];
        if (t_next == 0)
        {
            RandomNumberGenerator.Fill(block);
        }
        var taken = block.AsSpan(t_next, Aead.NonceLength);
        taken.CopyTo(nonce);
        taken.Clear();
        t_next = (t_next + Aead.NonceLength) % block.Length;
    }
}
