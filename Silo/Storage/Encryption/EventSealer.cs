using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// Turns events into rows and back, sealing their <see cref="PersonalFields"/> with the conversation's key. A sealed
/// value is <c>[version][present fields, 2 bytes][AES-GCM]</c>, bound to its conversation and seq. Both event log
/// stores use it, so what is sealed is decided here once.
/// </summary>
public sealed class EventSealer(ConversationKeys keys)
{
    private const byte Version = 1;
    private const int HeaderLength = 3;

    public async ValueTask<StoredEvent[]> SealAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        var stored = new StoredEvent[events.Count];
        AesGcm? aes = null;
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                var evt = events[i];
                if (PersonalFields.Of(evt) is not { } fields)
                {
                    stored[i] = new StoredEvent(JsonSerializer.Serialize(evt, EventJson.Default.ConversationEvent), null);
                    continue;
                }
                aes ??= new AesGcm(await keys.ForWritingAsync(conversationKey, firstWrite: events[0].Seq == 1, cancellationToken), Aead.TagLength);
                var plaintext = JsonSerializer.SerializeToUtf8Bytes(fields, PersonalFieldsJson.Default.PersonalFields);
                var sealedBytes = Aead.Seal(aes, plaintext, Associated(conversationKey, evt.Seq), HeaderLength);
                sealedBytes[0] = Version;
                BinaryPrimitives.WriteUInt16LittleEndian(sealedBytes.AsSpan(1), fields.Present);
                stored[i] = new StoredEvent(JsonSerializer.Serialize(PersonalFields.Strip(evt), EventJson.Default.ConversationEvent), sealedBytes);
            }
            return stored;
        }
        finally
        {
            aes?.Dispose();
        }
    }

    /// <summary>Reads rows of one conversation back into events; with the key destroyed, personal fields read as placeholders.</summary>
    public async ValueTask<Opener> OpenerAsync(string conversationKey, CancellationToken cancellationToken = default) =>
        new(conversationKey, await keys.ForReadingAsync(conversationKey, cancellationToken));

    /// <summary>Opens the rows of one conversation with its key (or none: erased).</summary>
    public sealed class Opener(string conversationKey, byte[]? key) : IDisposable
    {
        private readonly AesGcm? _aes = key is null ? null : new AesGcm(key, Aead.TagLength);

        public ConversationEvent Open(string payload, byte[]? sealedBytes)
        {
            var evt = JsonSerializer.Deserialize(payload, EventJson.Default.ConversationEvent)!;
            if (sealedBytes is null)
            {
                return evt;
            }
            if (sealedBytes.Length < HeaderLength || sealedBytes[0] != Version)
            {
                throw new CryptographicException($"Event {evt.Seq} of '{conversationKey}' has sealed fields of an unknown version.");
            }
            if (_aes is null)
            {
                return PersonalFields.Erased(BinaryPrimitives.ReadUInt16LittleEndian(sealedBytes.AsSpan(1))).ApplyTo(evt);
            }
            byte[] plaintext;
            try
            {
                plaintext = Aead.Open(_aes, sealedBytes.AsSpan(HeaderLength), Associated(conversationKey, evt.Seq));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new CryptographicException($"Event {evt.Seq} of '{conversationKey}' does not open with its key: it was changed or moved.");
            }
            return JsonSerializer.Deserialize(plaintext, PersonalFieldsJson.Default.PersonalFields)!.ApplyTo(evt);
        }

        public void Dispose() => _aes?.Dispose();
    }

    private static byte[] Associated(string conversationKey, long seq) => Encoding.UTF8.GetBytes($"{conversationKey}#{seq}");
}
