using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// Grain state sealed at rest, whatever provider stores it (SQLite standalone, ADO.NET on PostgreSQL in a cluster):
/// the state is serialized as before, sealed with AES-256-GCM under the key <see cref="StateKeyOwner"/> chooses, bound
/// to its state name and grain (a row copied to another grain fails to open), and handed to <paramref name="inner"/> as
/// opaque bytes. Sealed is <c>[magic 3][version 1][site key generation 4, 0 for a key of its own][AES-GCM]</c>. State
/// whose key was destroyed (erasure) reads as absent; rows from before sealing read as they were and are sealed on
/// their next write.
/// </summary>
public sealed class SealedGrainStorage(IGrainStorage inner, Serializer serializer, ConversationKeys keys) : IGrainStorage
{
    private static ReadOnlySpan<byte> Magic => [0xFE, (byte)'S', (byte)'B'];
    private const byte Version = 1;
    private const int HeaderLength = 8;
    /// <summary>A thread's serialization buffer is dropped rather than kept when a state made it larger than this.</summary>
    private const int KeptBufferBytes = 256 * 1024;

    /// <summary>
    /// Each thread's buffer for the state being sealed: serialized into it and sealed from it in one synchronous step,
    /// instead of into a new buffer grown by doubling and then copied (Orleans' own storage serializer), which was a
    /// twentieth of what a messenger update allocated (docs/benchmarks.md, 2026-12-07).
    /// </summary>
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = new GrainState<StateEnvelope>();
        await inner.ReadStateAsync(stateName, grainId, stored);
        grainState.ETag = stored.ETag;
        var bytes = stored.State?.Bytes ?? [];
        if (!stored.RecordExists || bytes.Length == 0)
        {
            Absent(grainState);
            return;
        }
        if (!IsSealed(bytes))
        {
            grainState.State = serializer.Deserialize<T>(bytes);
            grainState.RecordExists = true;
            return;
        }
        var grainKey = grainId.Key.ToString()!;
        var owner = StateKeyOwner.Of(stateName, grainKey)
            ?? throw new CryptographicException($"State '{stateName}' of {grainId} is sealed but its key names no site.");
        var generation = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + 1));
        var key = generation == 0
            ? await keys.ForReadingAsync(owner.DataKeyOwner!)
            : await keys.SiteKeyAsync(owner.Site, generation);
        if (key is null)
        {
            // Its key was destroyed: the state was erased, in this row and in every backup of it.
            Absent(grainState);
            return;
        }
        byte[] plaintext;
        try
        {
            // A cipher made for this read, not kept (CachedCiphers keeps one per conversation key): a visitor's state is
            // read once per activation, and keeping one per visitor would hold it in every idle visitor's memory.
            plaintext = Aead.Open(key, bytes.AsSpan(HeaderLength), Associated(stateName, grainKey));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException($"State '{stateName}' of {grainId} does not open with its key: it was changed or moved.");
        }
        grainState.State = serializer.Deserialize<T>(plaintext);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var grainKey = grainId.Key.ToString()!;
        // A key that names no site (none of Switchboard's grains) has no key to seal with: stored as serialized.
        var bytes = StateKeyOwner.Of(stateName, grainKey) is { } owner
            ? Seal(await KeyForWritingAsync(owner), grainState.State, Associated(stateName, grainKey))
            : serializer.SerializeToArray(grainState.State);
        var stored = new GrainState<StateEnvelope>(new StateEnvelope { Bytes = bytes }) { ETag = grainState.ETag, RecordExists = grainState.RecordExists };
        await inner.WriteStateAsync(stateName, grainId, stored);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = stored.RecordExists;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = new GrainState<StateEnvelope> { ETag = grainState.ETag, RecordExists = grainState.RecordExists };
        await inner.ClearStateAsync(stateName, grainId, stored);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = stored.RecordExists;
        var grainKey = grainId.Key.ToString()!;
        if (StateKeyOwner.Of(stateName, grainKey) is { } owner && owner.OwnsKey(grainKey))
        {
            // Cleared state about one person is erased: its key goes, so backups of the row cannot be read either.
            await keys.ForgetAsync(grainKey);
        }
    }

    private async ValueTask<(int Generation, byte[] Key)> KeyForWritingAsync(StateKeyOwner owner) =>
        owner.DataKeyOwner is { } dataKeyOwner ? (0, await keys.ForWritingAsync(dataKeyOwner)) : await keys.CurrentSiteKeyAsync(owner.Site);

    /// <summary>Serializes and seals in one synchronous step, so the thread's buffer is free again when it returns.</summary>
    private byte[] Seal<T>((int Generation, byte[] Key) key, T state, byte[] associated)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        buffer.ResetWrittenCount();
        serializer.Serialize(state, buffer);
        // A cipher made for this write, not kept: see ReadStateAsync.
        var sealedBytes = Aead.Seal(key.Key, buffer.WrittenSpan, associated, HeaderLength);
        t_buffer = buffer.Capacity <= KeptBufferBytes ? buffer : null;
        Magic.CopyTo(sealedBytes);
        sealedBytes[Magic.Length] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(sealedBytes.AsSpan(Magic.Length + 1), key.Generation);
        return sealedBytes;
    }

    private static bool IsSealed(byte[] bytes) =>
        bytes.Length >= HeaderLength + Aead.Overhead && bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic) && bytes[Magic.Length] == Version;

    private static byte[] Associated(string stateName, string grainKey) => Encoding.UTF8.GetBytes($"{stateName}|{grainKey}");

    private static void Absent<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }
}
