using System.Text.Json;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Wire.Frames;

namespace Switchboard.Wire;

/// <summary>Conversation events and signals as wire frames (docs/protocol.md); the same shape for visitors and operators.</summary>
public static class EventFrames
{
    private static readonly IReadOnlyDictionary<string, string> NoAnswers = new Dictionary<string, string>();

    /// <summary>The event's frame for one socket, in a pooled array: dispose it once it is sent.</summary>
    public static PooledFrame Event(string conversationId, ConversationEvent evt, Audience audience) => evt.Type switch
    {
        EventTypes.Started => FrameWriter.ToPooled(Started(conversationId, evt), WireContext.Default.StartedEventFrame),
        EventTypes.Assigned => FrameWriter.ToPooled(Assigned(conversationId, evt), WireContext.Default.AssignedEventFrame),
        EventTypes.Unassigned => FrameWriter.ToPooled(Unassigned(conversationId, evt), WireContext.Default.UnassignedEventFrame),
        EventTypes.Message => FrameWriter.ToPooled(Message(conversationId, evt), WireContext.Default.MessageEventFrame),
        EventTypes.Transferred => FrameWriter.ToPooled(Transferred(conversationId, evt, audience), WireContext.Default.TransferredEventFrame),
        EventTypes.Callback => FrameWriter.ToPooled(Callback(conversationId, evt), WireContext.Default.CallbackEventFrame),
        EventTypes.Note => FrameWriter.ToPooled(Note(conversationId, evt, audience), WireContext.Default.NoteEventFrame),
        EventTypes.Closed => FrameWriter.ToPooled(Closed(conversationId, evt, audience), WireContext.Default.ClosedEventFrame),
        EventTypes.Rated => FrameWriter.ToPooled(Rated(conversationId, evt), WireContext.Default.RatedEventFrame),
        EventTypes.Delivery => FrameWriter.ToPooled(Delivery(conversationId, evt), WireContext.Default.DeliveryEventFrame),
        EventTypes.Call => FrameWriter.ToPooled(Call(conversationId, evt), WireContext.Default.CallEventFrame),
        _ => throw new InvalidOperationException($"No frame for event type '{evt.Type}'."),
    };

    /// <summary>The event as its frame record, for frames that carry events inside them (transcripts).</summary>
    public static EventFrame ToFrame(string conversationId, ConversationEvent evt, Audience audience) => evt.Type switch
    {
        EventTypes.Started => Started(conversationId, evt),
        EventTypes.Assigned => Assigned(conversationId, evt),
        EventTypes.Unassigned => Unassigned(conversationId, evt),
        EventTypes.Message => Message(conversationId, evt),
        EventTypes.Transferred => Transferred(conversationId, evt, audience),
        EventTypes.Callback => Callback(conversationId, evt),
        EventTypes.Note => Note(conversationId, evt, audience),
        EventTypes.Closed => Closed(conversationId, evt, audience),
        EventTypes.Rated => Rated(conversationId, evt),
        EventTypes.Delivery => Delivery(conversationId, evt),
        EventTypes.Call => Call(conversationId, evt),
        _ => throw new InvalidOperationException($"No frame for event type '{evt.Type}'."),
    };

    /// <summary>Writes the event as a whole frame object into a larger document.</summary>
    public static void WriteEvent(Utf8JsonWriter writer, string conversationId, ConversationEvent evt, Audience audience) =>
        JsonSerializer.Serialize(writer, ToFrame(conversationId, evt, audience), WireContext.Default.EventFrame);

    /// <summary>Pre-chat form answers: always an object.</summary>
    public static IReadOnlyDictionary<string, string> Form(IReadOnlyDictionary<string, string>? form) => form ?? NoAnswers;

    private static StartedEventFrame Started(string id, ConversationEvent evt) =>
        new(id, evt.Seq, evt.At.UtcDateTime, evt.Queue, new PersonRef(evt.VisitorId, evt.VisitorName), Form(evt.Form), ChannelNames.OrWeb(evt.Channel));

    private static AssignedEventFrame Assigned(string id, ConversationEvent evt) =>
        new(id, evt.Seq, evt.At.UtcDateTime, new PersonRef(evt.AuthorId, evt.Author), evt.Reason);

    private static UnassignedEventFrame Unassigned(string id, ConversationEvent evt) =>
        new(id, evt.Seq, evt.At.UtcDateTime, new PersonRef(evt.AuthorId, evt.Author), evt.Reason);

    private static MessageEventFrame Message(string id, ConversationEvent evt) => new(
        id, evt.Seq, evt.At.UtcDateTime, evt.ClientId, evt.From, evt.Author, evt.Text, evt.Kind ?? MessageKinds.Text, evt.Reason,
        NonEmpty(evt.Actions), NonEmpty(evt.QuickReplies), evt.Attachments is { Count: > 0 } ? evt.Attachments : null, evt.Template);

    private static TransferredEventFrame Transferred(string id, ConversationEvent evt, Audience audience)
    {
        var forOperators = audience == Audience.Operator;
        return new(
            id, evt.Seq, evt.At.UtcDateTime,
            forOperators ? new PersonRef(evt.AuthorId, evt.Author) : null,
            forOperators ? evt.Note : null,
            evt.TargetOperatorId is null ? null : new PersonRef(evt.TargetOperatorId, evt.TargetOperatorName),
            evt.TargetOperatorId is null ? evt.Queue : null);
    }

    private static CallbackEventFrame Callback(string id, ConversationEvent evt) => new(id, evt.Seq, evt.At.UtcDateTime, evt.ClientId, evt.Phone);

    /// <summary>Visitors learn only that a note's seq was taken.</summary>
    private static NoteEventFrame Note(string id, ConversationEvent evt, Audience audience) => audience == Audience.Operator
        ? new(id, evt.Seq, evt.At.UtcDateTime, evt.ClientId, evt.Author, evt.Text)
        : new(id, evt.Seq, evt.At.UtcDateTime, null, null, null);

    private static ClosedEventFrame Closed(string id, ConversationEvent evt, Audience audience) =>
        new(id, evt.Seq, evt.At.UtcDateTime, evt.From, audience == Audience.Operator ? NonEmpty(evt.Tags) : null, evt.Reason);

    private static RatedEventFrame Rated(string id, ConversationEvent evt) => new(id, evt.Seq, evt.At.UtcDateTime, evt.Score, evt.Text);

    private static DeliveryEventFrame Delivery(string id, ConversationEvent evt) =>
        new(id, evt.Seq, evt.At.UtcDateTime, evt.MessageId, evt.Status, evt.Error);

    private static CallEventFrame Call(string id, ConversationEvent evt) =>
        new(id, evt.Seq, evt.At.UtcDateTime, evt.CallId, evt.Status, evt.Reason, evt.DurationSeconds, evt.AuthorId, evt.Author, evt.Outcome, evt.RecordingUrl, evt.Phone);

    private static IReadOnlyList<string>? NonEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values : null;

    /// <summary>A signal a client shows: the queue place (visitors), or who is typing.</summary>
    public static byte[] Signal(string conversationId, ConversationSignal signal) => signal.Type switch
    {
        SignalTypes.Queued =>
            FrameWriter.ToBytes(new QueuedFrame(conversationId, signal.Position ?? 0, signal.EtaSeconds), WireContext.Default.QueuedFrame),
        SignalTypes.OperatorTyping => FrameWriter.ToBytes(new OperatorIsTypingFrame(conversationId), WireContext.Default.OperatorIsTypingFrame),
        SignalTypes.VisitorTyping =>
            FrameWriter.ToBytes(new VisitorIsTypingFrame(conversationId, signal.Draft ?? ""), WireContext.Default.VisitorIsTypingFrame),
        _ => throw new InvalidOperationException($"No frame for signal '{signal.Type}'."),
    };

    public static byte[] Ack(string clientId, AppendResult result) =>
        FrameWriter.ToBytes(new AckFrame(clientId, result.Seq, result.ConversationId), WireContext.Default.AckFrame);

    public static byte[] Error(string code, string message, string? clientId = null) =>
        FrameWriter.ToBytes(new ErrorFrame(code, message, clientId), WireContext.Default.ErrorFrame);
}
