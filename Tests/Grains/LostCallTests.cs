using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains.Operators;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>Calls between grains that a busy or dying silo loses: nothing may stay stuck because of one.</summary>
[Collection(ClusterFixture.Name)]
public sealed class LostCallTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_seat_a_closed_chat_could_not_give_back_is_freed_by_the_operators_audit()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var (visitor, first) = await chat.StartChat("first");
        await chat.Assigned(first.ConversationId);
        fixture.LostAnswers.RefuseNext("Release", site);

        // The close is stored, and stays a success although anna never heard of it.
        await chat.Conversation(first.ConversationId).Close(ChatDriver.Visitor(site, visitor));
        Assert.Equal([first.ConversationId], (await chat.Operator("anna").GetSnapshot()).Conversations);
        var (_, second) = await chat.StartChat("second");
        await chat.Observer.WaitFor<Contracts.Push.ConversationSignal>(
            s => s.Type == Contracts.Push.SignalTypes.Queued && s.ConversationKey.EndsWith(second.ConversationId, StringComparison.Ordinal),
            "the second chat waiting behind the seat nobody uses");

        fixture.Clock.Advance(OperatorGrain.AuditInterval);

        await chat.Assigned(second.ConversationId);
        Assert.Equal([second.ConversationId], (await chat.Operator("anna").GetSnapshot()).Conversations);
    }

    [Fact]
    public async Task A_visitor_whose_chat_closed_without_telling_them_starts_a_new_one()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var (visitorId, first) = await chat.StartChat("first");
        await chat.Assigned(first.ConversationId);
        fixture.LostAnswers.RefuseNext("ConversationClosed", site);
        await chat.Conversation(first.ConversationId).Close(ChatDriver.Operator(site, "anna"));

        var (_, second) = await chat.StartChat("a new question", visitorId: visitorId);

        Assert.NotEqual(first.ConversationId, second.ConversationId);
        await chat.Assigned(second.ConversationId);
        var visitor = Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        Assert.Equal([second.ConversationId, first.ConversationId], await visitor.GetConversations());
    }
}
