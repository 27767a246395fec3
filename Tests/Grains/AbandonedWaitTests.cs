using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>A waiting visitor who closed every page with the widget, and stayed away past the inactivity limit, has given up.</summary>
[Collection(ClusterFixture.Name)]
public sealed class AbandonedWaitTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Inactivity = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_queued_chat_whose_visitor_left_for_the_inactivity_limit_closes_as_abandoned_and_is_counted()
    {
        var (chat, site) = await Setup();
        var (visitorId, start) = await chat.StartChat("Is anyone there?");
        var id = start.ConversationId;
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        await visitor.Hello(new VisitorHello(null, "en", null), chat.Reference);
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.ConversationKey == GrainKeys.Conversation(site, id), "the chat queued");

        await visitor.Disconnected();
        fixture.Clock.Advance(Inactivity);

        var closed = await chat.Event(id, e => e.Type == EventTypes.Closed, "the abandoned chat to close");
        Assert.Equal((Senders.System, CloseReasons.Abandoned), (closed.From, closed.Reason));
        // Withdrawing and counting reach the queue one-way, in either order.
        var queue = await Eventually.Until(() => Queue(site).GetSnapshot(), q => q.Today.Abandoned == 1 && q.Waiting.Count == 0,
            "the queue to count one abandoned chat and let it go");
        Assert.Equal(1, queue.Today.Of(ChannelNames.Web).Abandoned);
    }

    [Fact]
    public async Task A_visitor_who_comes_back_within_the_limit_starts_the_limit_afresh_when_they_leave_again()
    {
        var (chat, site) = await Setup();
        var (visitorId, start) = await chat.StartChat("Back in a minute");
        var id = start.ConversationId;
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        await visitor.Hello(new VisitorHello(null, "en", null), chat.Reference);
        await visitor.Disconnected();
        fixture.Clock.Advance(Inactivity - Step);
        await visitor.Hello(new VisitorHello(null, "en", null), chat.Reference);
        await visitor.Disconnected();
        var leftAgain = fixture.Clock.GetUtcNow();

        // Past the limit counted from the first leave, the chat still waits; it closes at the limit from the second.
        fixture.Clock.Advance(Inactivity - Step);
        fixture.Clock.Advance(Step);

        var closed = await chat.Event(id, e => e.Type == EventTypes.Closed, "the abandoned chat to close");
        Assert.Equal(leftAgain + Inactivity, closed.At);
        Assert.Equal(CloseReasons.Abandoned, closed.Reason);
    }

    private async Task<(ChatDriver Chat, string Site)> Setup()
    {
        // Anna serves the queue but is not online: the chats wait.
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { InactivityMinutes = (int)Inactivity.TotalMinutes });
        return (chat, site);
    }

    private IQueueGrain Queue(string site) => fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));
}
