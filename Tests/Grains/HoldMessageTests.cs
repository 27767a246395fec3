using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class HoldMessageTests(ClusterFixture fixture)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Holds_follow_the_schedule_then_repeat_until_an_operator_replies_and_typing_does_not_count()
    {
        var (chat, site) = await Setup();
        var (visitorId, start) = await chat.StartChat("Is this in stock?");
        var id = start.ConversationId;
        await chat.Assigned(id);

        fixture.Clock.Advance(First);
        var first = await chat.NextHold(id, 0);
        fixture.Clock.Advance(Second - First);
        var second = await chat.NextHold(id, first.Seq);
        fixture.Clock.Advance(Repeat);
        var repeated = await chat.NextHold(id, second.Seq);
        await chat.Conversation(id).OperatorTyping(ChatDriver.Operator(site, "anna"));
        fixture.Clock.Advance(Repeat);
        var afterTyping = await chat.NextHold(id, repeated.Seq);

        Assert.Equal(["first", "second", "second", "second"], new[] { first, second, repeated, afterTyping }.Select(e => e.Text));
        Assert.All([first, second, repeated, afterTyping], e => Assert.Equal(Senders.System, e.From));

        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "reply", "Yes, it is.");
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await chat.Conversation(id).Post(ChatDriver.Visitor(site, visitorId), "again", "Thanks! And delivery?");
        await chat.Event(id, e => e.Seq == later.Seq, "the visitor's second message");
        Assert.Equal(4, chat.Holds(id));

        fixture.Clock.Advance(First);
        var restarted = await chat.NextHold(id, later.Seq);
        Assert.Equal("first", restarted.Text);
    }

    [Fact]
    public async Task The_default_schedule_is_25_seconds_then_every_60_in_the_visitors_language()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600 });
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Hello");
        await chat.Assigned(start.ConversationId);

        fixture.Clock.Advance(TimeSpan.FromSeconds(24));
        var afterStart = await chat.Conversation(start.ConversationId).Post(ChatDriver.Operator(site, "anna"), "x", "One moment");
        await chat.Event(start.ConversationId, e => e.Seq == afterStart.Seq, "the operator's message");
        Assert.Equal(0, chat.Holds(start.ConversationId));

        // The second visitor's widget said hello in Russian: their chat's hold messages are in Russian.
        var russianVisitor = GrainKeys.NewId();
        await fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, russianVisitor)).Hello(new VisitorHello(null, "ru", null), null);
        var (_, next) = await chat.StartChat("Второй вопрос", visitorId: russianVisitor);
        await chat.Assigned(next.ConversationId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(25));
        var hold = await chat.NextHold(next.ConversationId, 0);
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        var again = await chat.NextHold(next.ConversationId, hold.Seq);

        Assert.Equal("Мы получили ваш вопрос, консультант скоро ответит.", hold.Text);
        Assert.Equal(hold.Text, again.Text);
    }

    private async Task<(ChatDriver Chat, string Site)> Setup()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General")
        {
            Hold = new HoldSchedule([new HoldStep((int)First.TotalSeconds, "first"), new HoldStep((int)Second.TotalSeconds, "second")], (int)Repeat.TotalSeconds),
            NoAnswerSeconds = 3600,
            InactivityMinutes = 600,
        });
        await chat.Online("anna");
        return (chat, site);
    }
}
