using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Switchboard.Contracts;

namespace Switchboard.Wire;

/// <summary>
/// A client frame: a JSON object with a string <c>type</c>. Parsing reads only its type and client id; the handler
/// then reads the record its type names, and a field of the wrong shape is refused with <c>bad_request</c>.
/// The bytes are the socket's and valid only while the frame is handled.
/// </summary>
public sealed class InboundFrame
{
    public const int MaxDepth = 16;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private readonly ReadOnlyMemory<byte> _bytes;

    private InboundFrame(ReadOnlyMemory<byte> bytes, string type, string? clientId)
    {
        _bytes = bytes;
        Type = type;
        ClientId = clientId;
    }

    public string Type { get; }

    /// <summary>The frame's <c>id</c> when it is a string, unchecked: for answering even a frame that is refused.</summary>
    public string? ClientId { get; }

    /// <summary>The frame, or null with the reason when the bytes are not a JSON object with a string type.</summary>
    public static InboundFrame? TryParse(ReadOnlyMemory<byte> bytes, out string? problem)
    {
        string? type = null, clientId = null;
        var isObject = false;
        try
        {
            var reader = new Utf8JsonReader(bytes.Span, ReaderOptions);
            if (!reader.Read())
            {
                throw new JsonException("Empty.");
            }
            isObject = reader.TokenType == JsonTokenType.StartObject;
            while (reader.Read())
            {
                if (isObject && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueTextEquals("type"u8) ? 1 : reader.ValueTextEquals("id"u8) ? 2 : 0;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && field == 1)
                    {
                        type = reader.GetString();
                    }
                    else if (reader.TokenType == JsonTokenType.String && field == 2)
                    {
                        clientId = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException)
        {
            problem = "The frame is not valid JSON.";
            return null;
        }
        if (type is null)
        {
            problem = "A frame is a JSON object with a string 'type'.";
            return null;
        }
        problem = null;
        return new InboundFrame(bytes, type, clientId);
    }

    /// <summary>The frame as the record its type names; a field of the wrong kind is refused with <c>bad_request</c>.</summary>
    public TFrame Read<TFrame>(JsonTypeInfo<TFrame> record)
    {
        try
        {
            return JsonSerializer.Deserialize(_bytes.Span, record)!;
        }
        catch (JsonException wrong)
        {
            throw FieldRules.Bad(FieldErrors.Describe(wrong.Path));
        }
    }

    public static SwitchboardException Bad(string message) => FieldRules.Bad(message);
}
