using System.Text.Json;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// A frame from the server, reduced to the fields the load clients act on. For the operator's <c>assigned</c>
/// frame, <see cref="Text"/> is the visitor's first message in its transcript (where the start's probe is).
/// </summary>
public sealed record WireFrame(string Type, string? Id, string? ConversationId, string? From, string? Text, string? Code, bool HasTranscript)
{
    public bool IsError => Type == ErrorFrame.Name;

    public static WireFrame Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        string? Field(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var text = Field(root, "text") ?? Field(root, "message") ?? Field(root, "status");
        var hasTranscript = root.TryGetProperty("transcript", out var transcript) && transcript.ValueKind == JsonValueKind.Array;
        if (hasTranscript)
        {
            text = transcript.EnumerateArray()
                .FirstOrDefault(e => Field(e, "type") == MessageEventFrame.Name && Field(e, "from") == "visitor") is { ValueKind: JsonValueKind.Object } first
                ? Field(first, "text")
                : null;
        }
        return new WireFrame(Field(root, "type") ?? "", Field(root, "id"), Field(root, "conversationId"), Field(root, "from"), text, Field(root, "code"), hasTranscript);
    }

    public override string ToString() => IsError ? $"error {Code}: {Text}" : Type;
}
