using System.Buffers;
using System.Text;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// An event as a row holds it: the JSON without personal fields, and those fields sealed (null when it has none). The
/// JSON is UTF-8 in an array rented from the shared pool, as the database binds it: no string is made and converted back
/// for every append. The log that wrote the rows gives the arrays back (<see cref="ReturnPayloads"/>).
/// </summary>
public readonly struct StoredEvent
{
    private readonly byte[] _payload;
    private readonly int _payloadLength;

    private StoredEvent(byte[] payload, int payloadLength, byte[]? sealedFields) =>
        (_payload, _payloadLength, Sealed) = (payload, payloadLength, sealedFields);

    public ReadOnlySpan<byte> Payload => _payload.AsSpan(0, _payloadLength);

    public byte[]? Sealed { get; }

    /// <summary>The JSON as text, for a store that takes strings (PostgreSQL's parameters).</summary>
    public string PayloadText() => Encoding.UTF8.GetString(Payload);

    public static StoredEvent Rent(ReadOnlySpan<byte> payload, byte[]? sealedFields)
    {
        var rented = ArrayPool<byte>.Shared.Rent(payload.Length);
        payload.CopyTo(rented);
        return new StoredEvent(rented, payload.Length, sealedFields);
    }

    /// <summary>Once the rows are written (or failed): the payloads' arrays go back to the pool; none is read again.</summary>
    public static void ReturnPayloads(StoredEvent[] stored)
    {
        foreach (var row in stored)
        {
            if (row._payload is not null)
            {
                ArrayPool<byte>.Shared.Return(row._payload);
            }
        }
    }
}
