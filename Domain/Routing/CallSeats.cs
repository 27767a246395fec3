using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Routing;

/// <summary>
/// What a conversation claims of an operator's capacity, by channel: a chat one seat; a call one whole seat by default,
/// or as the queue (else the site) says: <c>callWeight</c> seats, or <c>callBlocksChats</c>.
/// </summary>
public static class CallSeats
{
    public const int DefaultWeight = 1;

    public static SeatClaim ClaimFor(string channel, SiteConfig site, QueueConfig? queue) =>
        channel == ChannelNames.Phone
            ? new SeatClaim(
                queue?.CallWeight ?? site.CallWeight ?? DefaultWeight,
                IsCall: true,
                BlocksChats: queue?.CallBlocksChats ?? site.CallBlocksChats ?? false)
            : SeatClaim.Chat;
}
