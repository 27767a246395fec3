using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>The operator is typing in the visitor's chat.</summary>
[WireFrame(Name, FrameSide.ServerToVisitor)]
public sealed record OperatorIsTypingFrame(string ConversationId)
{
    public const string Name = "operator_typing";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
