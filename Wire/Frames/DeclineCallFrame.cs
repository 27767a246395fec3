using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator turns down the phone call ringing in their console: it rings the next free operator, or the caller hears the menu.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record DeclineCallFrame
{
    public const string Name = "decline_call";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }
}
