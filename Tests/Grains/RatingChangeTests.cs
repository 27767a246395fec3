using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Monitoring;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>A visitor may rate a chat again: the figures and the operator's list keep the chat's latest rating only.</summary>
[Collection(ClusterFixture.Name)]
public sealed class RatingChangeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_later_rating_replaces_the_earlier_one_in_the_queue_and_operator_figures()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Online("anna");
        var (visitorId, start) = await chat.StartChat("Which size?");
        var id = start.ConversationId;
        await chat.Assigned(id);
        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "a1", "Take M.");
        var visitor = ChatDriver.Visitor(site, visitorId);
        await chat.Conversation(id).Close(visitor);

        await chat.Conversation(id).Rate(visitor, 2, "Slow");
        await Eventually.Until(() => Queue(site).GetSnapshot(), q => q.Today.Ratings == 1, "the first rating counted");
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await chat.Conversation(id).Rate(visitor, 5, "Actually, it fit perfectly");

        var queue = await Eventually.Until(() => Queue(site).GetSnapshot(), q => q.Today.RatingSum == 5, "the later rating to replace the earlier");
        Assert.Equal((1, 5, 1), (queue.Today.Ratings, queue.Today.RatingSum, queue.Today.Satisfied));
        Assert.Equal(100, Figures.Csat(queue.Today));
        var ratings = await Eventually.Until(() => chat.Operator("anna").GetRatings(), r => r.Any(e => e.Score == 5), "the operator's list to show the later rating");
        Assert.Equal([(id, 5, "Actually, it fit perfectly")], ratings.Select(r => (r.ConversationId, r.Score, r.Comment)));
        var today = (await chat.Operator("anna").GetSnapshot()).Today!;
        Assert.Equal((1, 5, 1), (today.Ratings, today.RatingSum, today.Satisfied));
    }

    [Fact]
    public void A_rating_changed_on_a_later_day_counts_once_on_that_day()
    {
        var day1 = new DateTimeOffset(2026, 11, 23, 23, 50, 0, TimeSpan.Zero);
        var figures = Figures.Today(new DailyFigures(), day1);
        Figures.RecordRating(figures, 1);
        Figures.ReplaceRating(figures, 1, day1, 4);
        Assert.Equal((1, 4, 1), (figures.Ratings, figures.RatingSum, figures.Satisfied));

        var day2 = Figures.Today(figures, day1.AddMinutes(20));
        Figures.ReplaceRating(day2, 4, day1, 3);
        Assert.Equal((1, 3, 0), (day2.Ratings, day2.RatingSum, day2.Satisfied));
    }

    private IQueueGrain Queue(string site) => fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));
}
