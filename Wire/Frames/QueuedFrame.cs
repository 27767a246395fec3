using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The chat's place in its queue; <c>etaSeconds</c> is sent as null when nobody is online to estimate from.</summary>
[WireFrame(Name, FrameSide.ServerToVisitor)]
public sealed record QueuedFrame(
    string ConversationId,
    int Position,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? EtaSeconds)
{
    public const string Name = "queued";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
