namespace Switchboard.Grains.Storage;

/// <summary>
/// A place in the event log's global order, after which a follower reads on. Opaque to followers: save it and hand
/// it back. <see cref="Commit"/> orders by writing transaction where the store needs it (PostgreSQL's transaction
/// ids, because identity values from concurrent transactions commit out of order); <see cref="Index"/> orders within.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EventLogPosition")]
public readonly record struct EventLogPosition(
    [property: Id(0)] long Commit,
    [property: Id(1)] long Index) : IComparable<EventLogPosition>
{
    /// <summary>Before the first event ever appended.</summary>
    public static readonly EventLogPosition Start = new(0, 0);

    public int CompareTo(EventLogPosition other) =>
        Commit != other.Commit ? Commit.CompareTo(other.Commit) : Index.CompareTo(other.Index);

    public override string ToString() => $"{Commit}:{Index}";
}
