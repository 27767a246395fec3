using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// One AES-GCM instance per key, kept as long as the key array is, so a seal or an open does not pay a new native
/// context and key schedule (about 4 µs here). <see cref="AesGcm"/> is not thread-safe, so each key's instance is used
/// under that key's lock: a conversation's appends come one at a time from its grain, and a reader opening the same
/// conversation at that moment waits a few microseconds.
/// <para>
/// Kept per key, not per thread: a grain's turns move between the thread pool's threads, so a per-thread cache needed
/// an instance per key on every thread, and with more active conversations than its slots it missed on nearly every
/// append (2.1 % of the gateway's CPU in the throughput benchmark's 64 chats). The instances hang off the key arrays
/// <see cref="ConversationKeys"/> hands out (by identity, in a <see cref="ConditionalWeakTable{TKey,TValue}"/>), so
/// they add no way to read: once a key is erased or has left that cache, its array and its instance are collected.
/// Only the event log's sealing uses it (a key per conversation with events): grain state, sealed once per write with
/// a key per visitor, makes its cipher per call (<see cref="SealedGrainStorage"/>), so idle visitors keep none (an
/// instance and its native context are about 1.4 KB; kept per visitor, 15,000 idle visitors held 21 MB more).
/// </para>
/// </summary>
public static class CachedCiphers
{
    private static readonly ConditionalWeakTable<byte[], KeyCipher> Ciphers = new();

    /// <summary><see cref="Aead.Seal(AesGcm, ReadOnlySpan{byte}, ReadOnlySpan{byte}, int)"/> with <paramref name="key"/>'s kept instance.</summary>
    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associated, int prefixLength = 0)
    {
        var cipher = Ciphers.GetValue(key, NewCipher);
        lock (cipher.Lock)
        {
            return Aead.Seal(cipher.Aes, plaintext, associated, prefixLength);
        }
    }

    /// <summary><see cref="Aead.Open(AesGcm, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> with <paramref name="key"/>'s kept instance.</summary>
    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associated)
    {
        var cipher = Ciphers.GetValue(key, NewCipher);
        lock (cipher.Lock)
        {
            return Aead.Open(cipher.Aes, sealedBytes, associated);
        }
    }

    private static readonly ConditionalWeakTable<byte[], KeyCipher>.CreateValueCallback NewCipher = key => new KeyCipher(new AesGcm(key, Aead.TagLength));

    private sealed class KeyCipher(AesGcm aes)
    {
        public Lock Lock { get; } = new();
        public AesGcm Aes { get; } = aes;
    }
}
