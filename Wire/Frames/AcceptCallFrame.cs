using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator takes the phone call ringing in their console: the PBX is told to put the caller through to them.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record AcceptCallFrame
{
    public const string Name = "accept_call";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }
}
