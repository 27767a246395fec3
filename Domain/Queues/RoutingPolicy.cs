using Switchboard.Contracts.Operators;

namespace Switchboard.Domain.Queues;

/// <summary>
/// Who to offer a waiting conversation to, best first: the visitor's last operator if they have room
/// (sticky routing), then online operators with free capacity, least loaded, then longest idle; never
/// one who already missed it.
/// </summary>
public static class RoutingPolicy
{
    public static IReadOnlyList<OperatorAvailability> Candidates(IEnumerable<OperatorAvailability> roster, WaitingConversation waiting) =>
        roster.Where(o => o.CanTakeMore && !waiting.Excluded.Contains(o.OperatorId))
            .OrderByDescending(o => o.OperatorId == waiting.PreferredOperator)
            .ThenBy(o => (double)o.Load / o.Capacity)
            .ThenBy(o => o.IdleSince)
            .ThenBy(o => o.OperatorId, StringComparer.Ordinal)
            .ToList();
}
