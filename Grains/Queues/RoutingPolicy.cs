using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Queues;

/// <summary>Who to offer a waiting conversation to, best first: online with free capacity, least loaded, then longest idle.</summary>
public static class RoutingPolicy
{
    public static IReadOnlyList<OperatorAvailability> Candidates(IEnumerable<OperatorAvailability> roster) =>
        roster.Where(o => o.CanTakeMore)
            .OrderBy(o => (double)o.Load / o.Capacity)
            .ThenBy(o => o.IdleSince)
            .ThenBy(o => o.OperatorId, StringComparer.Ordinal)
            .ToList();
}
