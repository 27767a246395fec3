using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class ConversationGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Events_are_numbered_from_one_without_gaps_and_are_in_the_log_when_acknowledged()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var (visitorId, start) = await chat.StartChat("Do you have this in M?");
        var visitor = ChatDriver.Visitor(site, visitorId);
        var conversation = chat.Conversation(start.ConversationId);

        var second = await conversation.Post(visitor, "m-2", "And in blue?");
        var third = await conversation.Post(visitor, "m-3", "Thanks");

        // The queue's automatic reply (nobody is online) may land between the visitor's messages: only the visitor's are asserted in place.
        var stored = await EventLog().ReadAsync(GrainKeys.Conversation(site, start.ConversationId), 0);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.Seq));
        Assert.Equal(EventTypes.Started, stored[0].Type);
        Assert.Equal(
            [(2L, "Do you have this in M?"), (second.Seq, "And in blue?"), (third.Seq, "Thanks")],
            stored.Where(e => e.From == Senders.Visitor).Select(e => (e.Seq, e.Text!)));
        Assert.Equal(2, start.Seq);
        Assert.True(start.Seq < second.Seq && second.Seq < third.Seq);
    }

    [Fact]
    public async Task A_retried_send_is_stored_once_and_acknowledged_with_the_original_seq()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var visitorId = GrainKeys.NewId();
        var request = new StartChatRequest("start-1", null, "Hello", null);
        var visitorGrain = Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        var start = await visitorGrain.StartChat(request, chat.Reference);
        var visitor = ChatDriver.Visitor(site, visitorId);
        var conversation = chat.Conversation(start.ConversationId);

        var first = await conversation.Post(visitor, "same-id", "Is delivery free?");
        var retry = await conversation.Post(visitor, "same-id", "Is delivery free?");
        var retriedStart = await visitorGrain.StartChat(request, null);

        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal(start, retriedStart);
        var stored = await EventLog().ReadAsync(GrainKeys.Conversation(site, start.ConversationId), 0);
        Assert.Single(stored, e => e.ClientId == "same-id");
        Assert.Equal(2, stored.Count(e => e.From == Senders.Visitor));
    }

    [Fact]
    public async Task A_reactivated_conversation_resumes_from_its_log()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var (visitorId, start) = await chat.StartChat();
        var visitor = ChatDriver.Visitor(site, visitorId);
        var conversation = chat.Conversation(start.ConversationId);
        var before = await conversation.Post(visitor, "before", "one");

        await fixture.Cluster.DeactivateAsync(conversation);
        var after = await conversation.Post(visitor, "after", "two");
        var retried = await conversation.Post(visitor, "before", "one");

        Assert.Equal(before.Seq, retried.Seq);
        var events = await conversation.GetEvents(visitor, 0, 100);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal("two", events.Single(e => e.Seq == after.Seq).Text);
        Assert.True(after.Seq > before.Seq);
    }

    [Fact]
    public async Task Another_visitor_cannot_read_or_write_the_conversation()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        var (_, start) = await chat.StartChat("private");
        var stranger = ChatDriver.Visitor(site, GrainKeys.NewId());
        var conversation = chat.Conversation(start.ConversationId);

        var read = await Assert.ThrowsAsync<SwitchboardException>(() => conversation.GetEvents(stranger, 0, 100));
        var write = await Assert.ThrowsAsync<SwitchboardException>(() => conversation.Post(stranger, "x", "hi"));
        var subscribe = await Assert.ThrowsAsync<SwitchboardException>(() => conversation.Subscribe(stranger, chat.Reference));

        Assert.All([read, write, subscribe], e => Assert.Equal(ErrorCodes.NotFound, e.Code));
    }

    [Fact]
    public async Task An_operator_of_another_site_sees_nothing_and_an_unassigned_operator_cannot_reply()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var (_, start) = await chat.StartChat();
        await chat.Assigned(start.ConversationId);
        var conversation = chat.Conversation(start.ConversationId);

        var foreign = await Assert.ThrowsAsync<SwitchboardException>(
            () => conversation.GetEvents(ChatDriver.Operator("other-site", "anna"), 0, 10));
        var notTheirs = await Assert.ThrowsAsync<SwitchboardException>(
            () => conversation.Post(ChatDriver.Operator(site, "boris"), "b-1", "I'll take it"));
        var reply = await conversation.Post(ChatDriver.Operator(site, "anna"), "a-1", "Hello! How can I help?");

        Assert.Equal(ErrorCodes.NotFound, foreign.Code);
        Assert.Equal(ErrorCodes.Forbidden, notTheirs.Code);
        Assert.Equal(ConversationStatus.Active, (await conversation.GetSnapshot(ChatDriver.Operator(site, "anna"))).Status);
        Assert.Equal(4, reply.Seq);
    }

    [Fact]
    public async Task Subscribers_get_every_event_and_closing_releases_the_operator()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var (visitorId, start) = await chat.StartChat();
        await chat.Assigned(start.ConversationId);

        await chat.Conversation(start.ConversationId).Close(ChatDriver.Visitor(site, visitorId));
        var (_, next) = await chat.StartChat("Second visitor");
        await chat.Assigned(next.ConversationId);

        await chat.Observer.WaitFor<(string, ConversationEvent)>(p => p.Item2.Type == EventTypes.Closed, "the closed event");
        // One-way pushes may overtake each other; the gateway's cursor restores the order, so only the set is promised here.
        var events = chat.Observer.EventsOf(GrainKeys.Conversation(site, start.ConversationId)).OrderBy(e => e.Seq).Select(e => e.Type).ToList();
        Assert.Equal([EventTypes.Started, EventTypes.Message, EventTypes.Assigned, EventTypes.Closed], events);
        Assert.Equal([next.ConversationId], (await chat.Operator("anna").GetSnapshot()).Conversations);
    }

    private IEventLog EventLog() => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventLog>();
}
