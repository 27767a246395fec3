using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>A supervisor now watches a chat read-only: its status and operator; its events follow.</summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record WatchingFrame(string ConversationId, string Status, string? Operator)
{
    public const string Name = "watching";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
