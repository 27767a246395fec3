using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Grains.Conversations;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// The queue's routing of waiting chats (docs/routing.md): offered as operators come online or free a seat, oldest and
/// highest priority first, never past an operator's capacity across queues, nothing to an away operator, and a lost
/// answer during an offer neither leaks a seat nor strands a chat.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class QueueGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_waiting_chat_is_assigned_the_moment_an_operator_comes_online()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var (_, start) = await chat.StartChat();
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 1, "queued at position 1");

        await chat.Online("anna");

        var notice = await chat.Assigned(start.ConversationId);
        Assert.Equal(GrainKeys.Operator(site, "anna"), notice.OperatorKey);
        var snapshot = await chat.Conversation(start.ConversationId).GetSnapshot(ChatDriver.Operator(site, "anna"));
        Assert.Equal(ConversationStatus.Assigned, snapshot.Status);
        Assert.Equal("anna", snapshot.OperatorId);
    }

    [Fact]
    public async Task A_waiting_chat_the_queue_lost_is_queued_again_by_its_conversation()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var (_, start) = await chat.StartChat();
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 1, "queued at position 1");
        // What a one-way Enqueue lost with a silo leaves behind: a queued conversation its queue does not know.
        var queue = Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));
        await queue.Withdraw(start.ConversationId);
        await chat.Online("anna");
        Assert.Empty((await queue.GetSnapshot()).Waiting);

        fixture.Clock.Advance(ConversationGrain.RequeueInterval);

        var notice = await chat.Assigned(start.ConversationId);
        Assert.Equal(GrainKeys.Operator(site, "anna"), notice.OperatorKey);
    }

    [Fact]
    public async Task Waiting_chats_go_oldest_first_as_capacity_frees()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var (firstVisitor, first) = await chat.StartChat("first");
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 1, "the first chat queued");
        var (_, second) = await chat.StartChat("second");
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 2, "the second chat queued behind it");

        await chat.Online("anna");
        await chat.Assigned(first.ConversationId);
        Assert.Equal(1, chat.AssignedCount());

        await chat.Conversation(first.ConversationId).Close(ChatDriver.Visitor(site, firstVisitor));
        await chat.Assigned(second.ConversationId);
        Assert.Equal(2, chat.AssignedCount());
    }

    [Fact]
    public async Task A_hundred_simultaneous_starts_never_exceed_any_capacity_or_reach_two_operators()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]), ("boris", 3, ["general"]), ("vera", 2, ["general"]));
        var chat = new ChatDriver(Grains, site);
        foreach (var login in new[] { "anna", "boris", "vera" })
        {
            await chat.Online(login);
        }

        var starts = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => chat.StartChat($"visitor {i}")));

        // 9 seats: the last of the 91 left waits at position 91 once every decision is made.
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 91, "91 chats left waiting");
        var queue = await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();
        var held = new List<string>();
        foreach (var (login, capacity) in new[] { ("anna", 4), ("boris", 3), ("vera", 2) })
        {
            var conversations = (await chat.Operator(login).GetSnapshot()).Conversations;
            Assert.Equal(capacity, conversations.Count);
            held.AddRange(conversations);
        }
        Assert.Equal(9, held.Distinct().Count());
        Assert.Equal(91, queue.Waiting.Count);
        Assert.Empty(held.Intersect(queue.Waiting.Select(w => w.ConversationId)));
        Assert.Equal(100, starts.Select(s => s.Start.ConversationId).Distinct().Count());
        // The operators' assigned notices are one-way pushes: the seats above are what was decided, the notices may trail.
        Assert.Equal(9, await Eventually.Until(() => Task.FromResult(chat.AssignedCount()), count => count >= 9, "nine assigned notices"));
    }

    [Fact]
    public async Task An_operator_serving_two_queues_is_never_given_more_than_their_capacity()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 2, ["general", "stylist"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => chat.StartChat($"chat {i}", i % 2 == 0 ? "general" : "stylist")));

        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 2, "chats left waiting");
        Assert.Equal(2, (await chat.Operator("anna").GetSnapshot()).Conversations.Count);
        var general = await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();
        var stylist = await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "stylist")).GetSnapshot();
        Assert.Equal(4, general.Waiting.Count + stylist.Waiting.Count);
    }

    [Fact]
    public async Task A_higher_priority_chat_goes_ahead_of_an_older_one()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]));
        await Grains.GetGrain<Contracts.Sites.ISiteGrain>(GrainKeys.Site(site))
            .SetRoutingRules([new Contracts.Sites.RoutingRule("general", CustomerType: "corporate") { Priority = 5 }]);
        var chat = new ChatDriver(Grains, site);
        var (_, regular) = await chat.StartChat("I was here first");
        var corporateId = GrainKeys.NewId();
        await Grains.GetGrain<Contracts.Visitors.IVisitorGrain>(GrainKeys.Visitor(site, corporateId))
            .Hello(new Contracts.Visitors.VisitorHello(new Contracts.Visitors.VerifiedIdentity("c-1", "Acme buyer", null, null, "corporate"), "en", null), null);
        var (_, corporate) = await chat.StartChat("Order of 40 uniforms", visitorId: corporateId);
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 2, "both chats waiting");

        await chat.Online("anna");

        await chat.Assigned(corporate.ConversationId);
        var queue = await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();
        Assert.Equal([regular.ConversationId], queue.Waiting.Select(w => w.ConversationId));
    }

    [Fact]
    public async Task An_away_operator_gets_nothing_new()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        await chat.Operator("anna").SetStatus("away");

        var (_, start) = await chat.StartChat();

        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.Position == 1, "the chat to wait");
        Assert.Equal(0, chat.AssignedCount());
        await chat.Operator("anna").SetStatus("online");
        await chat.Assigned(start.ConversationId);
    }

    [Theory]
    [InlineData("TryReserve")]
    [InlineData("Assign")]
    public async Task A_lost_answer_during_an_offer_neither_leaks_the_operators_slot_nor_strands_a_chat(string lostAnswer)
    {
        // Two seats for two chats: a seat leaked by the lost answer would leave the second chat waiting for ever.
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]), ("boris", 1, ["general"]));
        var chat = new ChatDriver(Grains, site);
        // Both chats wait while nobody is online, so each is offered by the queue (a start with an operator free
        // takes them directly: ChatStartRoutingTests).
        var (_, first) = await chat.StartChat("first");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, second) = await chat.StartChat("second");
        var lostBefore = fixture.LostAnswers.Lost;
        fixture.LostAnswers.LoseNext(lostAnswer, site);

        // The first chat is offered to anna, who comes first, and the queue never hears her answer.
        await chat.Online("anna");
        await chat.Assigned(first.ConversationId);
        await chat.Online("boris");
        await chat.Assigned(second.ConversationId);

        Assert.Equal(lostBefore + 1, fixture.LostAnswers.Lost);
        await chat.EachHoldsOneOf(["anna", "boris"], first.ConversationId, second.ConversationId);
        foreach (var conversation in new[] { first, second })
        {
            // The operator's notice, awaited above, and the conversation's pushed event travel apart: wait for the event.
            await chat.Event(conversation.ConversationId, e => e.Type == EventTypes.Assigned, "the chat's assignment event");
            Assert.Equal(1, chat.Events(conversation.ConversationId).Count(e => e.Type == EventTypes.Assigned));
        }
        Assert.Empty((await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot()).Waiting);
    }

    [Fact]
    public async Task An_operator_taken_out_of_a_queue_gets_none_of_its_chats_and_one_added_to_it_gets_them()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]), ("boris", 4, ["stylist"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        await chat.Online("boris");
        var (_, first) = await chat.StartChat("first");
        Assert.Equal(GrainKeys.Operator(site, "anna"), (await chat.Assigned(first.ConversationId)).OperatorKey);

        var siteGrain = Grains.GetGrain<Contracts.Sites.ISiteGrain>(GrainKeys.Site(site));
        var config = (await siteGrain.GetConfig())!;
        await siteGrain.UpsertOperator(config.FindOperator("anna")! with { Queues = ["stylist"] });
        await siteGrain.UpsertOperator(config.FindOperator("boris")! with { Queues = ["stylist", "general"] });
        // Grains read the site's configuration again after Routing:ConfigRefreshSeconds.
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        var (_, second) = await chat.StartChat("second");

        Assert.Equal(GrainKeys.Operator(site, "boris"), (await chat.Assigned(second.ConversationId)).OperatorKey);
    }
}
