using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator hands a chat to another operator or a queue, with a note for them.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record TransferFrame(string? ConversationId = null, string? ToOperator = null, string? ToQueue = null, string? Note = null)
{
    public const string Name = "transfer";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
