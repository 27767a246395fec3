using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.DailySummary;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>A site's daily summary goes out once a day, at its hour, with the day's figures.</summary>
[Collection(ClusterFixture.Name)]
public sealed class DailySummaryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_summary_goes_once_a_day_from_its_hour_with_the_days_answered_chats()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var recipient = $"{site}@shop.example";
        var summary = fixture.Grains.GetGrain<IDailySummaryGrain>(GrainKeys.DailySummary(site));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Hello");
        await chat.Assigned(start.ConversationId);
        await chat.Conversation(start.ConversationId).Post(ChatDriver.Operator(site, "anna"), "a1", "Hi, how can I help?");
        var hour = fixture.Clock.GetUtcNow().Hour;

        await summary.Configure(new DailySummarySettings { Enabled = true, Recipients = [recipient], HourUtc = Math.Min(hour + 1, 23) });
        var early = hour < 23 && await summary.RunDue();
        await summary.Configure(new DailySummarySettings { Enabled = true, Recipients = [recipient], HourUtc = hour });
        var sent = await summary.RunDue();
        var again = await summary.RunDue();

        Assert.False(early, "sent before its hour");
        Assert.True(sent);
        Assert.False(again, "sent twice on one day");
        var mail = Assert.Single(fixture.Mailer.SentTo(recipient));
        Assert.Equal($"Test shop: chats on {fixture.Clock.GetUtcNow():yyyy-MM-dd}", mail.Subject);
        Assert.Contains("General: answered 1,", mail.Text);
        Assert.Contains("All queues: answered 1,", mail.Text);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await summary.RunDue());
        Assert.Equal(2, fixture.Mailer.SentTo(recipient).Count);
    }
}
