using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Conversations;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class DeadlineTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_quiet_chat_closes_itself_and_can_still_be_rated()
    {
        var (chat, site) = await Setup();
        var (visitorId, start) = await chat.StartChat("Thanks for the help");
        var id = start.ConversationId;
        await chat.Assigned(id);
        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "r1", "You're welcome!");

        fixture.Clock.Advance(TimeSpan.FromMinutes(15));

        var closed = await chat.Event(id, e => e.Type == EventTypes.Closed, "the inactivity close");
        Assert.Equal(Senders.System, closed.From);
        await chat.Conversation(id).Rate(ChatDriver.Visitor(site, visitorId), 5, "Quick and clear");
        await chat.Event(id, e => e.Type == EventTypes.Rated && e.Score == 5, "the rating");
        Assert.Empty((await chat.Operator("anna").GetSnapshot()).Conversations);
    }

    [Fact]
    public async Task A_pending_hold_survives_the_grain_going_away_and_its_reminder_goes_when_the_chat_closes()
    {
        var (chat, site) = await Setup();
        var (visitorId, start) = await chat.StartChat("Hello?");
        var id = start.ConversationId;
        await chat.Assigned(id);
        var conversation = chat.Conversation(id);
        var reminders = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = conversation.GetGrainId();
        // Registered behind the start, not before it is answered.
        await Eventually.Until(() => reminders.ReadRow(grainId, ConversationGrain.DeadlineReminder), r => r is not null, "the deadline reminder registered");

        await fixture.Cluster.DeactivateAsync(conversation);
        // A gateway re-subscribes when it next renews; here the test does it, which also reactivates the grain.
        await conversation.Subscribe(ChatDriver.Visitor(site, visitorId), chat.Reference);
        fixture.Clock.Advance(TimeSpan.FromSeconds(25));

        var hold = await chat.NextHold(id, 0);
        Assert.Equal(Senders.System, hold.From);
        await conversation.Close(ChatDriver.Visitor(site, visitorId));
        await Eventually.Until(() => reminders.ReadRow(grainId, ConversationGrain.DeadlineReminder), r => r is null, "the deadline reminder gone with the close");
    }

    private async Task<(ChatDriver Chat, string Site)> Setup()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600, InactivityMinutes = 15 });
        await chat.Online("anna");
        return (chat, site);
    }
}
