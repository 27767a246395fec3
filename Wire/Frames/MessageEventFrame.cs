using System.Text.Json.Serialization;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Wire.Frames;

/// <summary>
/// A message: the sender's client id, who sent it, its text and kind; automatic replies add a reason and actions; an
/// operator's WhatsApp template names it.
/// </summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record MessageEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Author,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Actions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? QuickReplies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Attachment>? Attachments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Template = null) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "message";

    public override string Type => Name;
}
