using Switchboard.Contracts.Operators;

namespace Switchboard.Domain.Routing;

/// <summary>
/// Whether an operator has room for one more conversation, counting calls as their queue weighs them. An operator has
/// one headset, so never two calls at once; a call that blocks chats lets no new chat in while it lasts; a call
/// heavier than the operator's whole capacity takes all of it rather than never being offered.
/// </summary>
public static class SeatRule
{
    /// <summary>The seats <paramref name="held"/> take together.</summary>
    public static int Load(IEnumerable<SeatClaim> held) => held.Sum(h => h.Weight);

    public static bool Fits(int capacity, IReadOnlyCollection<SeatClaim> held, SeatClaim claim) =>
        Fits(capacity, Load(held), held.Any(h => h.IsCall), held.Any(h => h.BlocksChats), claim);

    /// <summary>The queue's view: the operator as they last announced themselves.</summary>
    public static bool Fits(OperatorAvailability candidate, SeatClaim claim) =>
        candidate.Status == OperatorStatus.Online
        && Fits(candidate.Capacity, candidate.Load, candidate.OnCall, candidate.ChatsBlocked, claim);

    /// <summary>The seats a claim takes of an operator with <paramref name="capacity"/>.</summary>
    public static int WeightOf(SeatClaim claim, int capacity) => Math.Clamp(claim.Weight, 1, Math.Max(1, capacity));

    private static bool Fits(int capacity, int load, bool onCall, bool chatsBlocked, SeatClaim claim)
    {
        if (claim.IsCall ? onCall : chatsBlocked)
        {
            return false;
        }
        return load + WeightOf(claim, capacity) <= capacity;
    }
}
