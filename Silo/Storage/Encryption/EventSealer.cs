using System.Buffers.Binary;
using System.Globalization;
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

    /// <summary>The rows for <paramref name="events"/>; the caller gives their payloads back once written (<see cref="StoredEvent.ReturnPayloads"/>).</summary>
    public async ValueTask<StoredEvent[]> SealAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        var stored = new StoredEvent[events.Count];
        byte[]? key = null;
        for (var i = 0; i < events.Count; i++)
        {
            var evt = events[i];
            if (PersonalFields.Of(evt) is not { } fields)
            {
                stored[i] = StoredEvent.Rent(ThreadJsonWriter.ToUtf8(evt, EventJson.Default.ConversationEvent), null);
                continue;
            }
            key ??= await keys.ForWritingAsync(conversationKey, firstWrite: events[0].Seq == 1, cancellationToken);
            // Sealed first: both JSON writes use the thread's one buffer (ThreadJsonWriter), and the payload's span must
            // be copied out before anything writes into it again.
            var sealedFields = Seal(key, conversationKey, evt.Seq, fields);
            stored[i] = StoredEvent.Rent(ThreadJsonWriter.ToUtf8(PersonalFields.Strip(evt), EventJson.Default.ConversationEvent), sealedFields);
        }
        return stored;
    }

    /// <summary>
    /// One event's sealed fields. Synchronous, and called after the key's await: the JSON buffer it uses is this
    /// thread's own (<see cref="ThreadJsonWriter"/>); the cipher is the key's (<see cref="CachedCiphers"/>).
    /// </summary>
    private static byte[] Seal(byte[] key, string conversationKey, long seq, PersonalFields fields)
    {
        Span<byte> associated = stackalloc byte[MaxAssociatedLength];
        var sealedBytes = CachedCiphers.Seal(key, ThreadJsonWriter.ToUtf8(fields, PersonalFieldsJson.Default.PersonalFields), Associated(conversationKey, seq, associated), HeaderLength);
        sealedBytes[0] = Version;
        BinaryPrimitives.WriteUInt16LittleEndian(sealedBytes.AsSpan(1), fields.Present);
        return sealedBytes;
    }

    /// <summary>A row's clear part alone: the event without its personal fields, read without the conversation's key.</summary>
    public static ConversationEvent ReadClear(string payload) => JsonSerializer.Deserialize(payload, EventJson.Default.ConversationEvent)!;

    /// <summary>Reads rows of one conversation back into events; with the key destroyed, personal fields read as placeholders.</summary>
    public async ValueTask<Opener> OpenerAsync(string conversationKey, CancellationToken cancellationToken = default) =>
        new(conversationKey, await keys.ForReadingAsync(conversationKey, cancellationToken));

    /// <summary>Opens the rows of one conversation with its key (or none: erased).</summary>
    /// <remarks>It holds no cipher of its own (each <see cref="Open"/> uses the key's, <see cref="CachedCiphers"/>), so
    /// disposing it frees nothing; it stays disposable for callers that scope it to a batch.</remarks>
    public sealed class Opener(string conversationKey, byte[]? key) : IDisposable
    {
        public ConversationEvent Open(string payload, byte[]? sealedBytes) => Open(ReadClear(payload), sealedBytes);

        /// <summary>Adds the sealed fields to an event already read from its clear part (<see cref="ReadClear"/>).</summary>
        public ConversationEvent Open(ConversationEvent evt, byte[]? sealedBytes)
        {
            if (sealedBytes is null)
            {
                return evt;
            }
            if (sealedBytes.Length < HeaderLength || sealedBytes[0] != Version)
            {
                throw new CryptographicException($"Event {evt.Seq} of '{conversationKey}' has sealed fields of an unknown version.");
            }
            if (key is null)
            {
                return PersonalFields.Erased(BinaryPrimitives.ReadUInt16LittleEndian(sealedBytes.AsSpan(1))).ApplyTo(evt);
            }
            byte[] plaintext;
            try
            {
                Span<byte> associated = stackalloc byte[MaxAssociatedLength];
                plaintext = CachedCiphers.Open(key, sealedBytes.AsSpan(HeaderLength), Associated(conversationKey, evt.Seq, associated));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new CryptographicException($"Event {evt.Seq} of '{conversationKey}' does not open with its key: it was changed or moved.");
            }
            return JsonSerializer.Deserialize(plaintext, PersonalFieldsJson.Default.PersonalFields)!.ApplyTo(evt);
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Room on the stack for the associated data of a usual conversation key; longer ones get an array.</summary>
    private const int MaxAssociatedLength = 256;

    /// <summary><c>{conversationKey}#{seq}</c> in UTF-8: binds the sealed fields to their conversation and place in it.</summary>
    private static ReadOnlySpan<byte> Associated(string conversationKey, long seq, Span<byte> room)
    {
        var length = Encoding.UTF8.GetMaxByteCount(conversationKey.Length) + 1 + 20;
        var destination = length <= room.Length ? room : new byte[length];
        var written = Encoding.UTF8.GetBytes(conversationKey, destination);
        destination[written++] = (byte)'#';
        seq.TryFormat(destination[written..], out var digits, provider: CultureInfo.InvariantCulture);
        return destination[..(written + digits)];
    }
}
