using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// The openers of one batch of the event log feed, one per conversation: a batch interleaves conversations, and each
/// conversation's key is looked up once per batch, and only when one of its events is to be opened.
/// </summary>
/// <param name="personalFieldsOf">The event types to open whole (<see cref="IEventLogFeed.ReadAfterAsync"/>); null: all.</param>
public sealed class FeedOpeners(EventSealer sealer, Func<string, bool>? personalFieldsOf) : IDisposable
{
    private readonly Dictionary<string, EventSealer.Opener> _openers = new(StringComparer.Ordinal);

    /// <summary>One row of the feed as the follower asked for it: whole, or its clear part alone.</summary>
    public async ValueTask<ConversationEvent> ReadAsync(string conversationKey, string payload, byte[]? sealedBytes, CancellationToken cancellationToken)
    {
        var evt = EventSealer.ReadClear(payload);
        if (sealedBytes is null || (personalFieldsOf is not null && !personalFieldsOf(evt.Type)))
        {
            return evt;
        }
        return (await ForAsync(conversationKey, cancellationToken)).Open(evt, sealedBytes);
    }

    private async ValueTask<EventSealer.Opener> ForAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (!_openers.TryGetValue(conversationKey, out var opener))
        {
            opener = await sealer.OpenerAsync(conversationKey, cancellationToken);
            _openers[conversationKey] = opener;
        }
        return opener;
    }

    public void Dispose()
    {
        foreach (var opener in _openers.Values)
        {
            opener.Dispose();
        }
    }
}
