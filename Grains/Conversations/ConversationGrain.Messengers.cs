using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What a messenger lets an operator send, refused before the message is stored: free text into a closed WhatsApp
/// window (a template instead), a message longer than Telegram shows. The refusal reaches the console as an
/// <c>error</c> frame on that send, so nothing is stored that could never be delivered.
/// </summary>
public sealed partial class ConversationGrain
{
    private void EnsureChannelTakes(Actor author, string? text)
    {
        if (WhatsAppWindow.Applies(_history.Channel) && !WhatsAppWindow.IsOpen(_history.CustomerWroteAt, clock.GetUtcNow()))
        {
            throw new SwitchboardException(ErrorCodes.TemplateRequired, WhatsAppWindow.ClosedReason);
        }
        if (TelegramLimit.Applies(_history.Channel) && !TelegramLimit.Fits(author.Name, text))
        {
            throw SwitchboardException.BadRequest(
                $"Telegram shows at most {TelegramLimit.MaxCharacters} characters in a message, counting the author's name; this one has {TelegramLimit.Length(author.Name, text)}.");
        }
    }

    /// <summary>The site's approved WhatsApp template the operator chose, or null when they wrote their own text.</summary>
    private async Task<MessageTemplate?> ChosenTemplate(MessageDraft message)
    {
        if (message.Template is not { } name)
        {
            return null;
        }
        if (!WhatsAppWindow.Applies(_history.Channel))
        {
            throw SwitchboardException.BadRequest($"Templates are for WhatsApp chats; this one is on {_history.Channel}.");
        }
        var whatsApp = (await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(_site)).GetChannels())
            .FirstOrDefault(c => c.Channel == ChannelNames.WhatsApp);
        return whatsApp?.Templates?.FirstOrDefault(t => t.Name == name && (message.TemplateLanguage is null || t.Language == message.TemplateLanguage))
            ?? throw SwitchboardException.NotFound($"The site has no WhatsApp template '{name}'.");
    }

    /// <summary>A WhatsApp message carries when the customer last wrote: the outbox checks the window when it sends.</summary>
    private OutboundMessage WithWindow(OutboundMessage message) =>
        WhatsAppWindow.Applies(_history.Channel) ? message with { CustomerWroteAt = _history.CustomerWroteAt } : message;
}
