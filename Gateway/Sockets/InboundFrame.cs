using System.Text.Json;
using Switchboard.Contracts;

namespace Switchboard.Gateway.Sockets;

/// <summary>A parsed client frame: a JSON object with a string <c>type</c>. Accessors refuse wrong shapes with <c>bad_request</c>.</summary>
public sealed class InboundFrame : IDisposable
{
    public const int MaxClientIdLength = 128;

    private readonly JsonDocument _document;

    private InboundFrame(JsonDocument document, string type)
    {
        _document = document;
        Type = type;
    }

    public string Type { get; }
    public JsonElement Root => _document.RootElement;

    /// <summary>The frame, or null with the reason when the bytes are not a JSON object with a string type.</summary>
    public static InboundFrame? TryParse(ReadOnlyMemory<byte> bytes, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            problem = "The frame is not valid JSON.";
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            document.Dispose();
            problem = "A frame is a JSON object with a string 'type'.";
            return null;
        }
        problem = null;
        return new InboundFrame(document, type.GetString()!);
    }

    public string? OptionalString(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Bad($"'{name}' must be a string.");
    }

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw Bad($"'{name}' is required.");

    /// <summary>The client id of a send: required, short.</summary>
    public string ClientId(string name = "id")
    {
        var id = RequiredString(name);
        return id.Length <= MaxClientIdLength ? id : throw Bad($"'{name}' is at most {MaxClientIdLength} characters.");
    }

    /// <summary>The message text in <paramref name="name"/>, refused with <c>too_large</c> past <paramref name="maxLength"/> characters.</summary>
    public string? Text(string name, int maxLength, bool required)
    {
        var text = required ? RequiredString(name) : OptionalString(name);
        return text is { Length: var length } && length > maxLength
            ? throw new SwitchboardException(ErrorCodes.TooLarge, $"A message is at most {maxLength} characters.")
            : text;
    }

    public JsonElement? OptionalObject(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object ? value : throw Bad($"'{name}' must be an object.");
    }

    public int RequiredInt(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Bad($"'{name}' must be a whole number.");

    public void Dispose() => _document.Dispose();

    public static SwitchboardException Bad(string message) => SwitchboardException.BadRequest(message);
}
