using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Monitoring;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Domain;

public sealed class MonitoringTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Service_level_first_response_and_csat_follow_their_definitions_and_reset_each_day()
    {
        var day = Figures.Today(new DailyFigures(), Now);
        foreach (var seconds in new[] { 5, 20, 45, 90 })
        {
            Figures.RecordAnswer(day, TimeSpan.FromSeconds(seconds), serviceLevelSeconds: 60);
        }
        day.Unanswered++;
        foreach (var score in new[] { 5, 4, 2 })
        {
            Figures.RecordRating(day, score);
        }

        Assert.Equal(60, Figures.ServiceLevel(day));
        Assert.Equal(40, Figures.AverageFirstResponse(day));
        Assert.Equal(66.7, Figures.Csat(day));
        Assert.Equal(3.67, Figures.AverageRating(day));
        var tomorrow = Figures.Today(day, Now.AddDays(1));
        Assert.Null(Figures.ServiceLevel(tomorrow));
        Assert.Null(Figures.Csat(tomorrow));
    }

    [Fact]
    public void Alerts_name_the_problem_and_a_move_that_fixes_it()
    {
        var site = TestSites.Config(("anna", 4, ["general"]), ("boris", 4, ["stylist"]));
        var slow = new DailyFigures { Day = DateOnly.FromDateTime(Now.UtcDateTime), Answered = 10, AnsweredWithinTarget = 8, FirstResponseSeconds = 400 };
        var unhappy = new DailyFigures { Day = slow.Day, Missed = 4, Ratings = 2, RatingSum = 5, Satisfied = 0 };
        QueueSnapshot[] queues =
        [
            new("general", [Waiting("c1", 130), Waiting("c2", 75), Waiting("c3", 10)],
                [new("anna", "Anna", OperatorStatus.Online, 4, 4, Now)], new InvitationCounters(0, 0, 0), slow),
            new("stylist", [], [new("boris", "Boris", OperatorStatus.Online, 4, 1, Now)], new InvitationCounters(0, 0, 0), new DailyFigures()),
        ];
        OperatorSnapshot[] operators =
        [
            new("anna", "Anna", "operator", OperatorStatus.Online, 4, ["a1", "a2", "a3", "a4"], 4, unhappy),
            new("boris", "Boris", "operator", OperatorStatus.Online, 4, ["b1"], 0, new DailyFigures()),
        ];

        var snapshot = MonitorBuilder.Build(site, queues, operators, Now);

        Assert.Equal(80, snapshot.ServiceLevel);
        Assert.Equal(130, snapshot.Queues[0].LongestWaitSeconds);
        Assert.Equal(["first_response", "missed", "queue_wait", "rating", "service_level"], snapshot.Alerts.Select(a => a.Kind).Order());
        var wait = snapshot.Alerts.Single(a => a.Kind == "queue_wait");
        Assert.Equal("2 chat(s) waiting over 60 s in 'General'.", wait.Message);
        Assert.Equal("Move boris to 'general' (online with 3 free slot(s)).", wait.Advice);
        Assert.Equal(5, snapshot.Active.Count);
        Assert.Equal(3, snapshot.Waiting.Count);
    }

    [Fact]
    public void Waiting_and_service_level_are_given_per_channel_across_queues_web_first()
    {
        var site = TestSites.Config(("anna", 4, ["general"]));
        var today = Figures.Today(new DailyFigures(), Now);
        foreach (var (channel, seconds) in new[] { ("web", 10), ("web", 100), ("telegram", 20) })
        {
            Figures.RecordAnswer(today, TimeSpan.FromSeconds(seconds), serviceLevelSeconds: 60);
            Figures.RecordAnswer(today.Of(channel), TimeSpan.FromSeconds(seconds), serviceLevelSeconds: 60);
        }
        QueueSnapshot[] queues =
        [
            new("general", [Waiting("c1", 40) with { Channel = "whatsapp" }, Waiting("c2", 90) with { Channel = "whatsapp" }, Waiting("c3", 5)],
                [], new InvitationCounters(0, 0, 0), today),
            new("stylist", [Waiting("c4", 30) with { Channel = "telegram" }], [], new InvitationCounters(0, 0, 0), new DailyFigures()),
        ];

        var channels = MonitorBuilder.Build(site, queues, [], Now).Channels;

        Assert.Equal(["web", "telegram", "whatsapp"], channels.Select(c => c.Channel));
        Assert.Equal((1, 5, 50.0), (channels[0].Waiting, channels[0].LongestWaitSeconds, channels[0].ServiceLevel!.Value));
        Assert.Equal((1, 30, 100.0), (channels[1].Waiting, channels[1].LongestWaitSeconds, channels[1].ServiceLevel!.Value));
        Assert.Equal((2, 90, (double?)null), (channels[2].Waiting, channels[2].LongestWaitSeconds, channels[2].ServiceLevel));
    }

    private static WaitingChat Waiting(string id, int seconds) => new(id, Now.AddSeconds(-seconds), 1, 30, null, null);
}
