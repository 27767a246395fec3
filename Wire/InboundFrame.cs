using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Switchboard.Contracts;
using Switchboard.Wire.Frames;

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

    /// <summary>The types clients send, so parsing a frame of one of them allocates no new string for its type.</summary>
    private static readonly (byte[] Utf8, string Name)[] KnownTypes = [.. new[]
    {
        VisitorHelloFrame.Name, PageFrame.Name, CartFrame.Name, PushTokenFrame.Name, StartChatFrame.Name, VisitorMessageFrame.Name, VisitorTypingFrame.Name,
        InviteReplyFrame.Name, RateFrame.Name, CallbackFrame.Name, VisitorCloseFrame.Name, StatusFrame.Name, NoteFrame.Name,
        WatchFrame.Name, TransferFrame.Name, CoBrowseFrame.Name, CoBrowseDomFrame.Name, CoBrowseViewFrame.Name, CoBrowseGuideFrame.Name,
    }.Distinct().Select(name => (Encoding.UTF8.GetBytes(name), name))];

    private readonly ReadOnlyMemory<byte> _bytes;

    private InboundFrame(ReadOnlyMemory<byte> bytes, string type)
    {
        _bytes = bytes;
        Type = type;
    }

    public string Type { get; }

    /// <summary>The frame's size in bytes, for limits that are tighter than the socket's own for some types.</summary>
    public int Length => _bytes.Length;

    /// <summary>
    /// The frame's <c>id</c> when it is a string, unchecked: for answering even a frame that is refused. Read only
    /// when asked, since only a refusal asks for it.
    /// </summary>
    public string? ClientId
    {
        get
        {
            try
            {
                return TopLevelString(_bytes.Span, "id"u8);
            }
            catch (JsonException)
            {
                // Not readable as a string (invalid UTF-8 in it): the refusal goes out without an id.
                return null;
            }
        }
    }

    /// <summary>The frame, or null with the reason when the bytes are not a JSON object with a string type.</summary>
    public static InboundFrame? TryParse(ReadOnlyMemory<byte> bytes, out string? problem)
    {
        string? type;
        try
        {
            type = TopLevelString(bytes.Span, "type"u8, readToEnd: true);
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
        return new InboundFrame(bytes, type);
    }

    /// <summary>
    /// The string value of a member of the top-level object, or null (not an object, no such member, not a string).
    /// With <paramref name="readToEnd"/> the whole input is read, so malformed JSON anywhere throws.
    /// </summary>
    private static string? TopLevelString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, bool readToEnd = false)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("Empty.");
        }
        string? found = null;
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        while (reader.Read())
        {
            if (isObject && found is null && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                var wanted = reader.ValueTextEquals(name);
                reader.Read();
                if (wanted && reader.TokenType == JsonTokenType.String)
                {
                    found = Known(ref reader) ?? ReadString(ref reader);
                    if (!readToEnd)
                    {
                        return found;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        return found;
    }

    /// <summary>The reader checks a string's UTF-8 only when it is transcoded: invalid UTF-8 is malformed JSON too.</summary>
    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("A string is not valid UTF-8.");
        }
    }

    private static string? Known(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, name) in KnownTypes)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return name;
            }
        }
        return null;
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
