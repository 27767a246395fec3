using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// What every conversation event frame carries: <c>{type, conversationId, seq, at, …}</c>. Each event type is a
/// sealed record of its own; the base lets the operator's <c>assigned</c> frame carry a transcript of mixed events.
/// </summary>
[JsonDerivedType(typeof(StartedEventFrame))]
[JsonDerivedType(typeof(AssignedEventFrame))]
[JsonDerivedType(typeof(UnassignedEventFrame))]
[JsonDerivedType(typeof(MessageEventFrame))]
[JsonDerivedType(typeof(TransferredEventFrame))]
[JsonDerivedType(typeof(CallbackEventFrame))]
[JsonDerivedType(typeof(NoteEventFrame))]
[JsonDerivedType(typeof(ClosedEventFrame))]
[JsonDerivedType(typeof(RatedEventFrame))]
[JsonDerivedType(typeof(DeliveryEventFrame))]
[JsonDerivedType(typeof(CallEventFrame))]
public abstract record EventFrame(
    [property: JsonPropertyOrder(-3)] string ConversationId,
    [property: JsonPropertyOrder(-2)] long Seq,
    [property: JsonPropertyOrder(-1)] DateTime At)
{
    [JsonPropertyOrder(-4)]
    public abstract string Type { get; }
}
