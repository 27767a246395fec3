namespace Switchboard.Grains.Storage;

/// <summary>
/// The event log read in its global order, for followers behind it (reports, exports). Only durable events are
/// handed out (committed, and on SQLite synced too), and never one that could still be overtaken by an earlier
/// position committing later: a follower that saves the last position it processed and reads on from it misses
/// nothing and sees nothing twice.
/// Events come decoded by the store, exactly as <see cref="IEventLog.ReadAsync"/> returns them.
/// </summary>
public interface IEventLogFeed
{
    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/>, in order; empty when caught up.</summary>
    /// <param name="personalFieldsOf">
    /// The event types whose personal fields the follower reads. Events of other types come without them: their sealed
    /// part is not opened, which spares a key lookup and a decryption for each (most of a busy log's events are
    /// messages a report never reads the text of). Null: every event comes whole.
    /// </param>
    Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(
        EventLogPosition after, int limit, Func<string, bool>? personalFieldsOf = null, CancellationToken cancellationToken = default);
}
