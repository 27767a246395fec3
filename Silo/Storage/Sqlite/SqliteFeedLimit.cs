namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// The highest feed position a follower may be handed. The writer's commits become visible to readers before the log's
/// sync makes them durable (the sync runs beside the next batch, <see cref="SqliteWriter"/>), and a follower must not
/// act on an event a power cut could still take back: the report would then count an event the log lost, and the
/// conversation would store another under the same number. So from the moment a commit carrying positions is about
/// to become visible until its sync, the limit stays below its first position. Nothing in flight: no limit (a log
/// filled by other means, as the reports benchmark does, is read whole).
/// </summary>
public sealed class SqliteFeedLimit
{
    private readonly Lock _lock = new();
    private long _limit = long.MaxValue;
    private int _inFlight;

    /// <summary>
    /// Read after the rows it limits: a row a reader saw was committed before the read began, and its commit lowered
    /// the limit before that, so a row above the limit read afterwards is one whose sync has not come yet.
    /// </summary>
    public long Value
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>A commit whose positions start at <paramref name="firstPosition"/> is about to become visible.</summary>
    internal void Committing(long firstPosition)
    {
        lock (_lock)
        {
            if (_inFlight++ == 0)
            {
                _limit = firstPosition - 1;
            }
        }
    }

    /// <summary>That commit failed: its positions were rolled back with it.</summary>
    internal void NotCommitted()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _limit = long.MaxValue;
            }
        }
    }

    /// <summary>The oldest <paramref name="commits"/> in flight are durable, the newest of them ending at <paramref name="lastPosition"/>.</summary>
    internal void Durable(int commits, long lastPosition)
    {
        lock (_lock)
        {
            _inFlight -= commits;
            _limit = _inFlight == 0 ? long.MaxValue : lastPosition;
        }
    }
}
