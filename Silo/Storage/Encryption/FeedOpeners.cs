namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// The openers of one batch of the event log feed, one per conversation: a batch interleaves conversations, and each
/// conversation's key is looked up once per batch.
/// </summary>
public sealed class FeedOpeners(EventSealer sealer) : IDisposable
{
    private readonly Dictionary<string, EventSealer.Opener> _openers = new(StringComparer.Ordinal);

    public async ValueTask<EventSealer.Opener> ForAsync(string conversationKey, CancellationToken cancellationToken)
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
