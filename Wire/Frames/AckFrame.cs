using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>A send was stored: its client id, its seq and the conversation it went into.</summary>
[WireFrame(Name, FrameSide.ServerToVisitor)]
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record AckFrame(string Id, long Seq, string ConversationId)
{
    public const string Name = "ack";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
