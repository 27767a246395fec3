using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Channels;

/// <summary>
/// WhatsApp's customer service window: free text may go to a customer only within 24 hours of their last message;
/// after that only a template Meta approved. Checked before anything is sent, so a closed window costs no refused
/// request; the platform's own refusal (131047) says the same in the same words.
/// </summary>
public static class WhatsAppWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>The Cloud API's error code for free text outside the window.</summary>
    public const int PlatformError = 131047;

    public const string ClosedReason =
        "More than 24 hours since the customer last wrote: WhatsApp allows only an approved template now (131047).";

    public const string NoTemplateReason =
        "More than 24 hours since the customer last wrote, and the site has no WhatsApp template for this message (131047).";

    public static bool Applies(string channel) => channel == ChannelNames.WhatsApp;

    public static DateTimeOffset? ClosesAt(DateTimeOffset? customerWroteAt) => customerWroteAt + Length;

    public static bool IsOpen(DateTimeOffset? customerWroteAt, DateTimeOffset now) => customerWroteAt is { } at && now < at + Length;

    /// <summary>
    /// True when <paramref name="message"/> may go out as it is: a template, or free text inside the window. A message
    /// stored before the outbox knew the window carries no time: the platform decides, as it did then.
    /// </summary>
    public static bool Allows(OutboundMessage message, DateTimeOffset now) =>
        message.Template is not null || message.CustomerWroteAt is null || IsOpen(message.CustomerWroteAt, now);

    /// <summary>
    /// What may go out now: the message itself while the window is open or when it is a template; an automatic message
    /// as the site's template for its purpose once it is closed; otherwise nothing, and why.
    /// </summary>
    public static (OutboundMessage? Send, string? Refusal) Prepare(
        OutboundMessage message, IReadOnlyList<MessageTemplate>? templates, DateTimeOffset now)
    {
        if (Allows(message, now))
        {
            return (message, null);
        }
        if (message.Purpose is null)
        {
            return (null, ClosedReason);
        }
        return templates?.FirstOrDefault(t => t.Purpose == message.Purpose) is { } template
            ? (message with { Text = template.Body, Template = template.Name, TemplateLanguage = template.Language, Buttons = null }, null)
            : (null, NoTemplateReason);
    }
}
