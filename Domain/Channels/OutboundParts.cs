using Switchboard.Contracts.Channels;

namespace Switchboard.Domain.Channels;

/// <summary>
/// Messengers take one file per call (Telegram's <c>sendPhoto</c>, WhatsApp's media message, VK's <c>attachment</c>
/// per upload), so an operator's message with files goes out as parts: its text first, then each file on its own.
/// Each part has its own id, stable across retries, so the outbox records each part once it is sent and a retry after
/// a failure sends only what did not go yet (VK's <c>random_id</c> comes from it too). The last part keeps the
/// message's own id: its outcome is the message's.
/// </summary>
public static class OutboundParts
{
    public static IReadOnlyList<OutboundMessage> Split(OutboundMessage message)
    {
        if (message.Template is not null || message.Attachments is not { Count: > 0 } files)
        {
            return [message];
        }
        var parts = new List<OutboundMessage>();
        if (!string.IsNullOrEmpty(message.Text))
        {
            parts.Add(message with { MessageId = $"{message.MessageId}:text", Attachments = null });
        }
        for (var index = 0; index < files.Count; index++)
        {
            parts.Add(message with { MessageId = $"{message.MessageId}:file{index}", Text = null, Buttons = null, Attachments = [files[index]] });
        }
        parts[^1] = parts[^1] with { MessageId = message.MessageId };
        return parts;
    }
}
