namespace Switchboard.Grains.Storage;

/// <summary>
/// The event log read in its global order, for followers behind it (reports, exports). Only committed events are
/// handed out, and never one that could still be overtaken by an earlier position committing later: a follower
/// that saves the last position it processed and reads on from it misses nothing and sees nothing twice.
/// Events come decoded by the store, exactly as <see cref="IEventLog.ReadAsync"/> returns them.
/// </summary>
public interface IEventLogFeed
{
    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/>, in order; empty when caught up.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(EventLogPosition after, int limit, CancellationToken cancellationToken = default);
}
