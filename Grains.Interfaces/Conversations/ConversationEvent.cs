namespace Switchboard.Contracts.Conversations;

/// <summary>
/// One entry of a conversation's append-only log. <see cref="Seq"/> is gap-free from 1 per conversation.
/// The record is flat on purpose: it is the stored payload and, field for field, the wire frame. Build one through
/// <see cref="ConversationEvents"/>, which says which fields each type carries.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ConversationEvent")]
public sealed record ConversationEvent
{
    [Id(0)] public required long Seq { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    /// <summary>The sender's client id: retries with the same id are stored once.</summary>
    [Id(3)] public string? ClientId { get; init; }
    /// <summary><c>visitor</c>, <c>operator</c> or <c>system</c> for messages; who closed, for <c>closed</c>.</summary>
    [Id(4)] public string? From { get; init; }
    [Id(5)] public string? AuthorId { get; init; }
    [Id(6)] public string? Author { get; init; }
    [Id(7)] public string? Text { get; init; }
    [Id(8)] public string? Kind { get; init; }
    [Id(9)] public string? Queue { get; init; }
    [Id(10)] public string? VisitorId { get; init; }
    [Id(11)] public string? VisitorName { get; init; }
    [Id(12)] public string? Reason { get; init; }
    [Id(13)] public int? Score { get; init; }
    /// <summary>Pre-chat form answers, on <c>started</c>.</summary>
    [Id(14)] public IReadOnlyDictionary<string, string>? Form { get; init; }
    /// <summary>The visitor's phone, on <c>callback</c>; the caller's number, on a <c>call</c> event <c>offered</c>.</summary>
    [Id(15)] public string? Phone { get; init; }
    /// <summary>An operator's internal note (transfers): never shown to the visitor.</summary>
    [Id(16)] public string? Note { get; init; }
    /// <summary>Where a transfer goes: an operator (<see cref="TargetOperatorId"/>) or a queue (<see cref="Queue"/>).</summary>
    [Id(17)] public string? TargetOperatorId { get; init; }
    [Id(18)] public string? TargetOperatorName { get; init; }
    /// <summary>The visitor's language for system texts, on <c>started</c>.</summary>
    [Id(19)] public string? Language { get; init; }
    /// <summary>What the visitor can do about an auto reply: <c>callback</c>, <c>leave_message</c>.</summary>
    [Id(20)] public IReadOnlyList<string>? Actions { get; init; }
    /// <summary>Buttons the visitor can tap to answer an operator's message.</summary>
    [Id(21)] public IReadOnlyList<string>? QuickReplies { get; init; }
    /// <summary>Topics chosen when the chat was closed.</summary>
    [Id(22)] public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>The chat's routing priority, on <c>started</c>.</summary>
    [Id(23)] public int? Priority { get; init; }
    /// <summary>Where the conversation takes place (<see cref="ChannelNames"/>), on <c>started</c>; absent in logs written before channels: web.</summary>
    [Id(24)] public string? Channel { get; init; }
    /// <summary>The person's address on the channel (a Telegram chat, a phone number), on <c>started</c>; none for web.</summary>
    [Id(25)] public string? ContactId { get; init; }
    /// <summary>Files carried by a <c>message</c>.</summary>
    [Id(26)] public IReadOnlyList<Attachment>? Attachments { get; init; }
    /// <summary>The client id of the message a <c>delivery</c> reports on.</summary>
    [Id(27)] public string? MessageId { get; init; }
    /// <summary>A <c>delivery</c>'s <see cref="DeliveryStatus"/> or a <c>call</c>'s <see cref="CallStates"/>.</summary>
    [Id(28)] public string? Status { get; init; }
    /// <summary>Why a delivery failed, in words an operator can act on (e.g. WhatsApp's 24-hour window).</summary>
    [Id(29)] public string? Error { get; init; }
    /// <summary>The phone call's id, on <c>call</c>.</summary>
    [Id(30)] public string? CallId { get; init; }
    [Id(31)] public int? DurationSeconds { get; init; }
    /// <summary>What came of a phone call, on a <c>call</c> event <c>ended</c> (<see cref="CallOutcomes"/>).</summary>
    [Id(32)] public string? Outcome { get; init; }
    /// <summary>The PBX's recording of a phone call, on a <c>call</c> event <c>ended</c>, when it sent one.</summary>
    [Id(33)] public string? RecordingUrl { get; init; }
    /// <summary>An operator's <c>message</c> sent as this approved WhatsApp template (its text is the template's).</summary>
    [Id(34)] public string? Template { get; init; }
    [Id(35)] public string? TemplateLanguage { get; init; }
    /// <summary>The signed-in customer (the retailer's id) who started it, on <c>started</c>: reports match orders by it.</summary>
    [Id(36)] public string? CustomerId { get; init; }
}
