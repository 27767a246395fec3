using Switchboard.Contracts.Operators;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Queues;

/// <summary>
/// Who to offer a waiting conversation to, best first: the visitor's last operator if they have room
/// (sticky routing), then online operators with free capacity, least loaded, then longest idle; never
/// one who already missed it. Room is what the conversation claims (<see cref="SeatRule"/>): a chat one seat, a call
/// as its queue weighs it.
/// </summary>
public static class RoutingPolicy
{
    public static IReadOnlyList<OperatorAvailability> Candidates(
        IEnumerable<OperatorAvailability> roster, WaitingConversation waiting, SeatClaim? claim = null) =>
        roster.Where(o => SeatRule.Fits(o, claim ?? SeatClaim.Chat) && !waiting.Excluded.Contains(o.OperatorId))
            .OrderByDescending(o => o.OperatorId == waiting.PreferredOperator)
            .ThenBy(o => (double)o.Load / o.Capacity)
            .ThenBy(o => o.IdleSince)
            .ThenBy(o => o.OperatorId, StringComparer.Ordinal)
            .ToList();
}
