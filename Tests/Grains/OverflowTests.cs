using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Routing;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class OverflowTests(ClusterFixture fixture)
{
    [Fact]
    public async Task With_nobody_online_the_visitor_is_told_so_and_a_callback_request_waits_for_the_operators()
    {
        var (chat, site) = await Setup(new QueueConfig("general", "General"));
        var (visitorId, start) = await chat.StartChat("Hello?");
        var id = start.ConversationId;

        var auto = await chat.Auto(id, OverflowReasons.Offline);
        Assert.Equal(["callback", "leave_message"], auto.Actions);
        Assert.Contains("No operator is online", auto.Text);
        await chat.Conversation(id).RequestCallback(ChatDriver.Visitor(site, visitorId), "cb-1", "+7 912 345-67-89");
        await chat.Event(id, e => e.Type == EventTypes.Callback, "the callback request");
        var waiting = await Queue(site).GetSnapshot();
        Assert.Equal("+7 912 345-67-89", waiting.Waiting.Single().Phone);
        var refused = await Assert.ThrowsAsync<SwitchboardException>(
            () => chat.Conversation(id).RequestCallback(ChatDriver.Visitor(site, visitorId), "cb-2", "call me maybe"));
        Assert.Equal(ErrorCodes.BadRequest, refused.Code);

        await chat.Online("anna");
        await chat.Assigned(id);
        Assert.Equal(1, chat.Events(id).Count(e => e.Kind == MessageKinds.Auto));
        Assert.Equal(0, chat.Holds(id));
    }

    [Fact]
    public async Task Outside_working_hours_the_reply_states_the_hours()
    {
        // The test clock's day is a Monday; this queue opens on Sundays only.
        var hours = new WorkingHours("Europe/Moscow", new Dictionary<DayOfWeek, string> { [DayOfWeek.Sunday] = "10:00-18:00" });
        var (chat, _) = await Setup(new QueueConfig("general", "General") { Hours = hours });

        var (_, start) = await chat.StartChat("Are you open?");

        var auto = await chat.Auto(start.ConversationId, OverflowReasons.Closed);
        Assert.Contains("Sun 10:00–18:00 (Europe/Moscow)", auto.Text);
    }

    [Fact]
    public async Task A_wait_estimated_above_the_limit_overflows_and_so_does_a_wait_that_reaches_the_maximum()
    {
        var (chat, _) = await Setup(new QueueConfig("general", "General") { MaxEtaSeconds = 600, MaxWaitSeconds = 120, NoAnswerSeconds = 3600 },
            ("anna", 1, ["general"]));
        await chat.Online("anna");
        var (_, first) = await chat.StartChat("First");
        await chat.Assigned(first.ConversationId);
        var (_, second) = await chat.StartChat("Second");
        var (_, third) = await chat.StartChat("Third");

        // One slot and 5-minute chats: the second waits about 310 s (under 600), the third about 610 s.
        var tooLong = await chat.Auto(third.ConversationId, OverflowReasons.LongWait);
        Assert.Contains("about 11 min", tooLong.Text);
        Assert.DoesNotContain(chat.Events(second.ConversationId), e => e.Kind == MessageKinds.Auto);

        fixture.Clock.Advance(TimeSpan.FromSeconds(120));
        await chat.Auto(second.ConversationId, OverflowReasons.MaxWait);
    }

    [Fact]
    public async Task When_every_operator_of_a_queue_goes_offline_the_waiting_chats_are_told()
    {
        var (chat, _) = await Setup(new QueueConfig("general", "General") { MaxEtaSeconds = 36_000, NoAnswerSeconds = 3600 }, ("anna", 1, ["general"]));
        await chat.Online("anna");
        var (_, first) = await chat.StartChat("First");
        await chat.Assigned(first.ConversationId);
        var (_, waiting) = await chat.StartChat("Waiting");
        await chat.Observer.WaitFor<Contracts.Push.ConversationSignal>(s => s.Position == 1, "the second chat to wait");

        await chat.Operator("anna").SetStatus(OperatorStatus.Offline);

        await chat.Auto(waiting.ConversationId, OverflowReasons.Offline);
        Assert.Contains(first.ConversationId, (await chat.Operator("anna").GetSnapshot()).Conversations);
    }

    [Fact]
    public async Task A_visitor_who_closes_while_queued_leaves_the_queue()
    {
        var (chat, site) = await Setup(new QueueConfig("general", "General"));
        var (visitorId, start) = await chat.StartChat("Never mind");
        await chat.Auto(start.ConversationId, OverflowReasons.Offline);

        await chat.Conversation(start.ConversationId).Close(ChatDriver.Visitor(site, visitorId));
        var (_, other) = await chat.StartChat("Another");
        await chat.Auto(other.ConversationId, OverflowReasons.Offline);

        Assert.Equal([other.ConversationId], (await Queue(site).GetSnapshot()).Waiting.Select(w => w.ConversationId));
    }

    private async Task<(ChatDriver Chat, string Site)> Setup(QueueConfig queue, params (string, int, string[])[] operators)
    {
        var site = await TestSites.CreateAsync(fixture.Grains, operators.Length > 0 ? operators : [("anna", 4, ["general"])]);
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(queue);
        return (chat, site);
    }

    private IQueueGrain Queue(string site) => fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));
}
