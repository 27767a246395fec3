using System.Collections.Concurrent;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Monitoring;

namespace Switchboard.Gateway.Monitoring;

/// <summary>
/// Who each chat on the monitor is with: the visitor (id and name), the channel and the queue, which the queues' and
/// operators' figures do not carry (an operator holds conversation ids). Each chat's conversation is asked once when it
/// first appears, again when it changes hands, and after <see cref="Refresh"/> (a name can be given later), not every
/// second per supervisor: the gateway keeps what it read for the chats still on the monitor and forgets the others.
/// </summary>
public sealed class MonitorChatDetails(IGrainFactory grains, TimeProvider clock, ILogger<MonitorChatDetails> logger)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Details>> _sites = new(StringComparer.Ordinal);

    /// <summary>The snapshot with its waiting and active chats named; a chat whose conversation could not be read stays as it was.</summary>
    public async Task<MonitorSnapshot> NameChatsAsync(string site, MonitorSnapshot snapshot)
    {
        var known = _sites.GetOrAdd(site, _ => new ConcurrentDictionary<string, Details>(StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        var rows = snapshot.Waiting.Concat(snapshot.Active).ToList();
        var shown = rows.Select(chat => chat.ConversationId).ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(rows
            .Where(chat => !known.TryGetValue(chat.ConversationId, out var details) || now - details.ReadAt >= Refresh || details.Operator != chat.Operator)
            .DistinctBy(chat => chat.ConversationId)
            .Select(chat => ReadAsync(site, chat, known, now)));
        foreach (var id in known.Keys.Where(id => !shown.Contains(id)))
        {
            known.TryRemove(id, out _);
        }
        return snapshot with
        {
            Waiting = [.. snapshot.Waiting.Select(chat => Named(chat, known))],
            Active = [.. snapshot.Active.Select(chat => Named(chat, known))],
        };
    }

    private async Task ReadAsync(string site, MonitorSnapshot.ChatRow chat, ConcurrentDictionary<string, Details> known, DateTimeOffset now)
    {
        try
        {
            var conversation = await grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, chat.ConversationId)).GetSnapshot(Actor.System(site));
            known[chat.ConversationId] = new Details(
                conversation.VisitorId, conversation.VisitorName, conversation.Channel, conversation.Queue, chat.Operator, now);
        }
        catch (Exception error)
        {
            // Shown without the details this time (the chat may have been erased meanwhile); asked again next second.
            logger.LogDebug(error, "Reading conversation {ConversationId} of {Site} for the monitor failed", chat.ConversationId, site);
        }
    }

    private static MonitorSnapshot.ChatRow Named(MonitorSnapshot.ChatRow chat, ConcurrentDictionary<string, Details> known) =>
        known.TryGetValue(chat.ConversationId, out var details)
            ? chat with
            {
                VisitorId = details.VisitorId,
                VisitorName = details.VisitorName,
                Channel = chat.Channel ?? details.Channel,
                Queue = chat.Queue ?? (details.Queue.Length > 0 ? details.Queue : null),
            }
            : chat;

    /// <summary>What a conversation said when read, and who the monitor showed holding it then: a chat that changed
    /// hands (a transfer, perhaps to another queue; a waiting chat taken) is read again at once.</summary>
    private sealed record Details(string VisitorId, string? VisitorName, string Channel, string Queue, string? Operator, DateTimeOffset ReadAt);
}
