using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Attachments;

namespace Switchboard.Gateway.Privacy;

/// <summary>The attachments a conversation's events carry, to delete with it.</summary>
public static class ConversationFiles
{
    public static IEnumerable<string> Ids(IEnumerable<ConversationEvent> events) => events
        .SelectMany(evt => evt.Attachments ?? [])
        .Select(attachment => attachment.Id)
        .Where(AttachmentCatalog.IsId)
        .Distinct(StringComparer.Ordinal);
}
