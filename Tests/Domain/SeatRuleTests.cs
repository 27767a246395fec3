using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Queues;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Sites;

namespace Switchboard.Tests.Domain;

/// <summary>Calls weigh seats: one whole seat by default, N seats, or blocking new chats, per queue or site.</summary>
public sealed class SeatRuleTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly SeatClaim Call = new(1, IsCall: true, BlocksChats: false);

    [Fact]
    public void A_call_is_one_seat_by_default_and_the_queue_weighs_it_over_the_site()
    {
        var site = Site() with { CallWeight = 2 };
        var heavy = new QueueConfig("orders", "Orders") { CallWeight = 3, CallBlocksChats = true };

        Assert.Equal(Call, CallSeats.ClaimFor(ChannelNames.Phone, Site(), null));
        Assert.Equal(new SeatClaim(2, true, false), CallSeats.ClaimFor(ChannelNames.Phone, site, new QueueConfig("general", "General")));
        Assert.Equal(new SeatClaim(3, true, true), CallSeats.ClaimFor(ChannelNames.Phone, site, heavy));
        Assert.Equal(SeatClaim.Chat, CallSeats.ClaimFor(ChannelNames.Telegram, site, heavy));
    }

    [Fact]
    public void A_call_weighing_two_seats_needs_two_free_and_counts_two_against_chats()
    {
        var heavy = new SeatClaim(2, true, false);

        Assert.False(SeatRule.Fits(3, [SeatClaim.Chat, SeatClaim.Chat], heavy));
        Assert.True(SeatRule.Fits(3, [SeatClaim.Chat], heavy));
        Assert.False(SeatRule.Fits(3, [heavy with { Weight = 2 }, SeatClaim.Chat], SeatClaim.Chat));
        Assert.True(SeatRule.Fits(3, [heavy], SeatClaim.Chat));
        Assert.Equal(3, SeatRule.Load([heavy, SeatClaim.Chat]));
    }

    [Fact]
    public void A_call_that_blocks_chats_lets_no_new_chat_in_but_leaves_the_chats_already_held()
    {
        var blocking = new SeatClaim(1, true, BlocksChats: true);

        Assert.True(SeatRule.Fits(4, [SeatClaim.Chat, SeatClaim.Chat], blocking));
        Assert.False(SeatRule.Fits(4, [blocking], SeatClaim.Chat));
        Assert.True(SeatRule.Fits(4, [Call], SeatClaim.Chat));
    }

    [Fact]
    public void Nobody_takes_two_calls_at_once_and_a_call_heavier_than_a_whole_capacity_takes_all_of_it()
    {
        var heavierThanAnyone = new SeatClaim(5, true, false);

        Assert.False(SeatRule.Fits(4, [Call], Call));
        Assert.True(SeatRule.Fits(2, [], heavierThanAnyone));
        Assert.False(SeatRule.Fits(2, [SeatClaim.Chat], heavierThanAnyone));
        Assert.Equal(2, SeatRule.WeightOf(heavierThanAnyone, 2));
    }

    [Fact]
    public void Routing_offers_a_call_only_to_operators_with_room_for_its_weight_and_not_on_a_call()
    {
        OperatorAvailability[] roster =
        [
            new("one-free", "One free", OperatorStatus.Online, 3, 2, Nine),
            new("on-call", "On a call", OperatorStatus.Online, 4, 1, Nine) { OnCall = true },
            new("two-free", "Two free", OperatorStatus.Online, 3, 1, Nine),
            new("blocked", "Blocked", OperatorStatus.Online, 4, 1, Nine) { OnCall = true, ChatsBlocked = true },
        ];
        var waiting = new WaitingConversation("c1", Nine) { Channel = ChannelNames.Phone };

        Assert.Equal(["two-free"], RoutingPolicy.Candidates(roster, waiting, new SeatClaim(2, true, false)).Select(o => o.OperatorId));
        Assert.Equal(["on-call", "two-free", "one-free"], RoutingPolicy.Candidates(roster, new WaitingConversation("c2", Nine)).Select(o => o.OperatorId));
    }

    [Fact]
    public void A_call_weighs_one_to_ten_seats_on_the_site_and_on_each_queue()
    {
        var config = Site() with
        {
            CallWeight = 0,
            Queues = [new QueueConfig("general", "General") { CallWeight = 11 }, new QueueConfig("orders", "Orders") { CallWeight = 10 }],
        };

        var problems = SiteConfigValidator.Validate(config);

        Assert.Contains("callWeight", problems.Keys);
        Assert.Contains(problems["queues.general"], p => p.Contains("callWeight"));
        Assert.DoesNotContain("queues.orders", problems.Keys);
    }

    private static SiteConfig Site() => new()
    {
        Name = "Shop", DefaultQueue = "general", Queues = [new QueueConfig("general", "General")], Operators = [], IdentitySecret = "s",
    };
}
