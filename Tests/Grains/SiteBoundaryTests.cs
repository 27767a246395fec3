using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// The grains themselves keep sites apart: called directly (no gateway in between), a conversation refuses an actor
/// whose site is not the one in its key, whatever else the actor claims, and learns nothing about the conversation.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class SiteBoundaryTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    /// <summary>Every call that takes an actor and answers; typing, fire and forget, is dropped silently for a stranger instead.</summary>
    public static TheoryData<string> Calls => new() { "read", "snapshot", "subscribe", "post", "note", "transfer", "close" };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task An_operator_of_another_site_gets_not_found_from_every_call_on_a_conversation(string call)
    {
        var (site, conversationId) = await ChatAssignedToAnnaAsync();
        var otherSite = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        // The same login, and even the conversation's own operator id: only the site differs.
        var stranger = ChatDriver.Operator(otherSite, "anna");
        var conversation = Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId));
        var observer = new ChatDriver(Grains, otherSite).Reference;

        Func<Task> attempt = call switch
        {
            "read" => () => conversation.GetEvents(stranger, 0, 100),
            "snapshot" => () => conversation.GetSnapshot(stranger),
            "subscribe" => () => conversation.Subscribe(stranger, observer),
            "post" => () => conversation.Post(stranger, "x-1", "hello from elsewhere"),
            "note" => () => conversation.AddNote(stranger, "x-2", "note"),
            "transfer" => () => conversation.Transfer(stranger, null, "general", null),
            _ => () => conversation.Close(stranger),
        };

        var refusal = await Assert.ThrowsAsync<SwitchboardException>(attempt);
        Assert.Equal(ErrorCodes.NotFound, refusal.Code);
        var events = await conversation.GetEvents(Actor.System(site), 0, 100);
        Assert.DoesNotContain(events, e => e.Text is "hello from elsewhere" or "note");
        Assert.NotEqual(EventTypes.Closed, events[^1].Type);
    }

    [Fact]
    public async Task The_visitor_id_of_a_conversation_on_another_site_is_a_stranger_there()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var (visitorId, start) = await new ChatDriver(Grains, site).StartChat();
        var otherSite = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var conversation = Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, start.ConversationId));

        var refusal = await Assert.ThrowsAsync<SwitchboardException>(() => conversation.Post(ChatDriver.Visitor(otherSite, visitorId), "v-2", "me again"));

        Assert.Equal(ErrorCodes.NotFound, refusal.Code);
    }

    [Fact]
    public async Task A_supervisor_of_another_site_cannot_invite_a_visitor()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var otherSite = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var visitor = Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));

        var refusal = await Assert.ThrowsAsync<SwitchboardException>(() =>
            visitor.InviteManually(new Actor(ActorKind.Supervisor, otherSite, "sup", "Sup"), "Can I help?"));

        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
    }

    private async Task<(string Site, string ConversationId)> ChatAssignedToAnnaAsync()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var (_, start) = await chat.StartChat();
        return (site, start.ConversationId);
    }
}
