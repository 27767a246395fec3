using Switchboard.Contracts.Conversations;

namespace Switchboard.Contracts.Channels;

/// <summary>
/// What goes out to a person on a messenger: an operator's message, an automatic one (hold, overflow), or the
/// rating request after a close. <see cref="MessageId"/> is unique within the conversation and stable across
/// retries, so a platform that deduplicates (VK's <c>random_id</c>) never shows it twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OutboundMessage")]
public sealed record OutboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string? Text)
{
    /// <summary>Buttons the person can tap (quick replies, ratings); a platform without buttons gets them as text.</summary>
    [Id(2)] public IReadOnlyList<ReplyButton>? Buttons { get; init; }
    [Id(3)] public IReadOnlyList<Attachment>? Attachments { get; init; }
    /// <summary>The author shown before the text where the platform shows no sender (operator messages).</summary>
    [Id(4)] public string? Author { get; init; }
    /// <summary>The seq of the event this message relays.</summary>
    [Id(5)] public long Seq { get; init; }
    /// <summary>An approved WhatsApp template to send instead of free text (its <see cref="Text"/> is what it says).</summary>
    [Id(6)] public string? Template { get; init; }
    [Id(7)] public string? TemplateLanguage { get; init; }
    /// <summary>Which automatic message this is (<see cref="TemplatePurposes"/>); null for an operator's own message.</summary>
    [Id(8)] public string? Purpose { get; init; }
    /// <summary>
    /// WhatsApp: when the customer last wrote, as the conversation knew it when it handed the message over. The outbox
    /// checks the 24-hour window against it when it sends, which may be later than when the message was written.
    /// </summary>
    [Id(9)] public DateTimeOffset? CustomerWroteAt { get; init; }
}
