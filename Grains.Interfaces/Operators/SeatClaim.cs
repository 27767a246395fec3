namespace Switchboard.Contracts.Operators;

/// <summary>
/// What one conversation takes of an operator's capacity: a chat one seat; a call as many as its queue says
/// (docs/routing.md, "Calls and seats"), and whether, while it lasts, the operator takes no new chats.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SeatClaim")]
public sealed record SeatClaim(
    [property: Id(0)] int Weight,
    [property: Id(1)] bool IsCall,
    [property: Id(2)] bool BlocksChats)
{
    public static readonly SeatClaim Chat = new(1, false, false);
}
