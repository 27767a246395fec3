using Switchboard.Contracts.Operators;
using Switchboard.Domain.Queues;

namespace Switchboard.Tests.Domain;

public sealed class RoutingPolicyTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Candidates_are_online_with_room_least_loaded_then_longest_idle()
    {
        OperatorAvailability[] roster =
        [
            new("full", "Full", OperatorStatus.Online, 2, 2, Nine),
            new("away", "Away", OperatorStatus.Away, 4, 0, Nine),
            new("busy", "Busy", OperatorStatus.Online, 4, 3, Nine),
            new("fresh", "Fresh", OperatorStatus.Online, 4, 1, Nine.AddMinutes(5)),
            new("idle", "Idle", OperatorStatus.Online, 4, 1, Nine),
        ];

        var order = RoutingPolicy.Candidates(roster, new WaitingConversation("c1", Nine)).Select(o => o.OperatorId);

        Assert.Equal(["idle", "fresh", "busy"], order);
    }

    [Fact]
    public void The_last_operator_comes_first_and_those_who_missed_the_chat_never()
    {
        OperatorAvailability[] roster =
        [
            new("idle", "Idle", OperatorStatus.Online, 4, 0, Nine),
            new("last", "Last", OperatorStatus.Online, 4, 3, Nine),
            new("missed", "Missed", OperatorStatus.Online, 4, 0, Nine.AddMinutes(-5)),
        ];
        var waiting = new WaitingConversation("c1", Nine) { PreferredOperator = "last", Excluded = ["missed"] };

        Assert.Equal(["last", "idle"], RoutingPolicy.Candidates(roster, waiting).Select(o => o.OperatorId));
    }
}
