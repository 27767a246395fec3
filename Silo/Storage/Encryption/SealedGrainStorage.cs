using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Runtime;
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
public sealed class SealedGrainStorage(IGrainStorage inner, IGrainStorageSerializer serializer, ConversationKeys keys) : IGrainStorage
{
    private static ReadOnlySpan<byte> Magic => [0xFE, (byte)'S', (byte)'B'];
    private const byte Version = 1;
    private const int HeaderLength = 8;

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
            grainState.State = serializer.Deserialize<T>(new BinaryData(bytes));
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
        grainState.State = serializer.Deserialize<T>(new BinaryData(plaintext));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var grainKey = grainId.Key.ToString()!;
        var plaintext = serializer.Serialize(grainState.State).ToMemory();
        // A key that names no site (none of Switchboard's grains) has no key to seal with: stored as serialized.
        var bytes = StateKeyOwner.Of(stateName, grainKey) is { } owner
            ? await SealAsync(owner, plaintext, Associated(stateName, grainKey))
            : plaintext.ToArray();
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

    private async ValueTask<byte[]> SealAsync(StateKeyOwner owner, ReadOnlyMemory<byte> plaintext, byte[] associated)
    {
        var (generation, key) = owner.DataKeyOwner is { } dataKeyOwner
            ? (0, await keys.ForWritingAsync(dataKeyOwner))
            : await keys.CurrentSiteKeyAsync(owner.Site);
        // A cipher made for this write, not kept: see ReadStateAsync.
        var sealedBytes = Aead.Seal(key, plaintext.Span, associated, HeaderLength);
        Magic.CopyTo(sealedBytes);
        sealedBytes[Magic.Length] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(sealedBytes.AsSpan(Magic.Length + 1), generation);
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
