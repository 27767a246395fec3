namespace Switchboard.Domain.Queues;

/// <summary>
/// The rounds a queue assigned lately, per conversation. A waiting conversation reminds its queue of itself on a
/// timer, and a reminder sent just before the conversation accepted an offer arrives after it: without this memory
/// the queue would list an assigned chat as waiting again. Kept in two generations that swap every
/// <see cref="Span"/>, so it holds between one and two spans of assignments and never grows with the day.
/// </summary>
public sealed class RecentAssignments(TimeProvider clock)
{
    /// <summary>Far longer than a reminder can be in flight (the response timeout), yet short enough to stay small.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromMinutes(2);

    private Dictionary<string, long> _current = new(StringComparer.Ordinal);
    private Dictionary<string, long> _previous = new(StringComparer.Ordinal);
    private DateTimeOffset _swappedAt = clock.GetUtcNow();

    public void Record(string conversationId, long round)
    {
        Rotate();
        _current[conversationId] = round;
    }

    /// <summary>True when this round of the conversation has already been assigned: the enqueue is a late reminder.</summary>
    public bool AlreadyAssigned(string conversationId, long round)
    {
        Rotate();
        return (_current.TryGetValue(conversationId, out var assigned) || _previous.TryGetValue(conversationId, out assigned))
            && assigned >= round;
    }

    private void Rotate()
    {
        var now = clock.GetUtcNow();
        if (now - _swappedAt < Span)
        {
            return;
        }
        // After two spans without a swap both generations are old: drop them both.
        _previous = now - _swappedAt < 2 * Span ? _current : new(StringComparer.Ordinal);
        _current = new(StringComparer.Ordinal);
        _swappedAt = now;
    }
}
