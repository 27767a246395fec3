using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Channels;

/// <summary>
/// Which conversation events a messenger contact must receive, and as what. Operator and automatic messages go out as
/// they are; an operator joining and the close (with its rating buttons) become short messages, since a messenger has
/// no widget to show them. The rest (notes, transfers, the visitor's own messages) stay inside.
/// </summary>
public static class ChannelRelay
{
    public static readonly IReadOnlyList<ReplyButton> RatingButtons =
        Enumerable.Range(1, 5).Select(score => new ReplyButton(score.ToString(), $"{ReplyButton.RatePrefix}{score}")).ToList();

    /// <summary>True for conversations whose contact is reached through a messenger (not the widget, not a voice call).</summary>
    public static bool Relays(string channel) => channel is ChannelNames.Telegram or ChannelNames.WhatsApp or ChannelNames.Vk or ChannelNames.Email;

    /// <summary>
    /// What of <paramref name="evt"/> goes out on <paramref name="channel"/>. A mail thread gets the operators' answers and
    /// the automatic answer when nobody is there; "has joined", hold notices and rating buttons are chat, not mail.
    /// </summary>
    public static OutboundMessage? ToOutbound(ConversationEvent evt, string? language, string channel) =>
        channel != ChannelNames.Email || (evt.Type == EventTypes.Message && evt.Template is null && (evt.From == Senders.Operator || evt.Kind is MessageKinds.Auto))
            ? ToOutbound(evt, language)
            : null;

    /// <summary>The id a delivery reports on: the message's client id where it has one, else its seq.</summary>
    public static string MessageIdOf(ConversationEvent evt) => evt.ClientId ?? $"seq:{evt.Seq}";

    public static OutboundMessage? ToOutbound(ConversationEvent evt, string? language) => evt.Type switch
    {
        EventTypes.Message when evt.From == Senders.Operator && evt.Template is { } template => new OutboundMessage(MessageIdOf(evt), evt.Text)
        {
            // An approved template says what Meta approved: no author before it, no buttons of ours.
            Seq = evt.Seq, Template = template, TemplateLanguage = evt.TemplateLanguage,
        },
        EventTypes.Message when evt.From == Senders.Operator => new OutboundMessage(MessageIdOf(evt), evt.Text)
        {
            Seq = evt.Seq, Author = evt.Author, Attachments = evt.Attachments,
            Buttons = evt.QuickReplies?.Select(ReplyButton.Reply).ToList(),
        },
        EventTypes.Message when evt.From == Senders.System && evt.Kind is MessageKinds.Hold =>
            new OutboundMessage(MessageIdOf(evt), evt.Text) { Seq = evt.Seq, Purpose = TemplatePurposes.Hold },
        EventTypes.Message when evt.From == Senders.System && evt.Kind is MessageKinds.Auto =>
            new OutboundMessage(MessageIdOf(evt), evt.Text) { Seq = evt.Seq, Purpose = TemplatePurposes.Overflow },
        EventTypes.Assigned when evt.Author is { } name =>
            new OutboundMessage(MessageIdOf(evt), ChannelTexts.Joined(name, language)) { Seq = evt.Seq, Purpose = TemplatePurposes.Joined },
        EventTypes.Closed => new OutboundMessage(MessageIdOf(evt), ChannelTexts.Closed(language))
        {
            Seq = evt.Seq, Buttons = RatingButtons, Purpose = TemplatePurposes.Close,
        },
        _ => null,
    };
}
