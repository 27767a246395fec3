using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>The visitor's draft as they type it.</summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record VisitorIsTypingFrame(string ConversationId, string Draft)
{
    public const string Name = "visitor_typing";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
