using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>A chat was taken from this operator (<c>reason</c>: closed, transfer, no_answer).</summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record UnassignedFrame(string ConversationId, string? Reason)
{
    public const string Name = "unassigned";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
