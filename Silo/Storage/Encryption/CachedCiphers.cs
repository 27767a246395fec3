using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// AES-GCM instances kept per thread for the keys it used last, so an append or a state write does not pay a new
/// native context and key schedule each time. <see cref="AesGcm"/> is not thread-safe: an instance is only used by the
/// thread that keeps it, and only between two awaits (callers fetch it after their last await and finish with it
/// before the next). The slots are direct-mapped by the key array's identity — the arrays come from
/// <see cref="ConversationKeys"/>' cache, one per owner — so a thread keeps at most <see cref="Slots"/> instances, and a
/// key re-read from the store (a new array) simply takes a new instance. An instance is found only through the key
/// array <see cref="ConversationKeys"/> handed out, so it adds no way to read: once a key is erased or has left that
/// cache, its instance sits unused until another key takes its slot.
/// </summary>
public static class CachedCiphers
{
    private const int Slots = 64;

    [ThreadStatic] private static Slot[]? _slots;

    /// <summary>An instance for <paramref name="key"/>, to be used on this thread before the caller's next await.</summary>
    public static AesGcm For(byte[] key)
    {
        var slots = _slots ??= new Slot[Slots];
        ref var slot = ref slots[(int)((uint)RuntimeHelpers.GetHashCode(key) % Slots)];
        if (!ReferenceEquals(slot.Key, key))
        {
            slot.Aes?.Dispose();
            slot = new Slot(key, new AesGcm(key, Aead.TagLength));
        }
        return slot.Aes!;
    }

    private readonly record struct Slot(byte[]? Key, AesGcm? Aes);
}
