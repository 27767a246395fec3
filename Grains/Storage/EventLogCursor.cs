namespace Switchboard.Grains.Storage;

/// <summary>
/// Follows the event log from a saved position, a batch at a time. The cursor keeps no state of its own beyond
/// <see cref="Position"/>: a follower that must survive restarts stores <see cref="Position"/> together with what it
/// made of the batch (in one transaction), and starts its next cursor there.
/// </summary>
/// <param name="personalFieldsOf">As <see cref="IEventLogFeed.ReadAfterAsync"/>: the event types whose personal fields are read.</param>
public sealed class EventLogCursor(
    IEventLogFeed feed, EventLogPosition from, int batchSize = EventLogCursor.DefaultBatchSize, Func<string, bool>? personalFieldsOf = null)
{
    public const int DefaultBatchSize = 1000;

    /// <summary>The last event handed out (or where the cursor started).</summary>
    public EventLogPosition Position { get; private set; } = from;

    /// <summary>The next events after <see cref="Position"/>, and moves past them; empty when the log has nothing newer yet.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        var batch = await feed.ReadAfterAsync(Position, batchSize, personalFieldsOf, cancellationToken);
        if (batch.Count > 0)
        {
            Position = batch[^1].Position;
        }
        return batch;
    }
}
