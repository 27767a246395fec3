using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// A chat start that finds an operator free takes the seat in its own write (docs/routing.md), never ahead of a chat
/// already waiting; a lost answer or a reminder that fails or lags neither leaks the seat nor strands the chat.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class ChatStartRoutingTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_start_with_an_operator_free_stores_its_assignment_in_the_same_write_and_seats_the_operator()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 2, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        // Were it offered through the queue, the offer's call to the conversation would be refused and counted.
        fixture.LostAnswers.RefuseNext("Assign", site);
        var lostBefore = fixture.LostAnswers.Lost;

        var (_, start) = await chat.StartChat("Is the blue dress in stock?");

        await chat.Assigned(start.ConversationId);
        Assert.Equal(lostBefore, fixture.LostAnswers.Lost);
        // One write: the started event, the visitor's message, the assignment, in that order and nothing between.
        var stored = await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventLog>().ReadAsync(GrainKeys.Conversation(site, start.ConversationId), 0);
        Assert.Equal([EventTypes.Started, EventTypes.Message, EventTypes.Assigned], stored.Select(e => e.Type));
        Assert.Equal(stored[1].Seq, start.Seq);
        Assert.Equal("anna", stored[2].AuthorId);
        Assert.Equal([start.ConversationId], (await chat.Operator("anna").GetSnapshot()).Conversations);
        Assert.Empty((await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot()).Waiting);
    }

    [Fact]
    public async Task A_start_that_waits_behind_another_chat_is_queued_not_given_an_operator_ahead_of_it()
    {
        // Anna's one seat is taken when the first chat comes, so it waits; the second start queues behind it, and the
        // seat anna frees goes to the first.
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var (_, held) = await chat.StartChat("taking anna's seat");
        await chat.Assigned(held.ConversationId);
        var (_, first) = await chat.StartChat("first");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, second) = await chat.StartChat("second");

        await chat.Conversation(held.ConversationId).Close(ChatDriver.Operator(site, "anna"));

        await chat.Assigned(first.ConversationId);
        var queue = await Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();
        Assert.Equal([second.ConversationId], queue.Waiting.Select(w => w.ConversationId));
    }

    [Fact]
    public async Task A_lost_answer_while_a_start_takes_a_free_operator_gives_the_seat_back_and_the_chat_is_queued_and_assigned()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 1, ["general"]), ("boris", 1, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await chat.Online("boris");
        var lostBefore = fixture.LostAnswers.Lost;
        fixture.LostAnswers.LoseNext("TryReserve", site);

        // Anna (idle longest) reserves a seat for the first chat, and the queue never hears it.
        var (_, first) = await chat.StartChat("first");
        await chat.Assigned(first.ConversationId);
        var (_, second) = await chat.StartChat("second");
        await chat.Assigned(second.ConversationId);

        Assert.Equal(lostBefore + 1, fixture.LostAnswers.Lost);
        await chat.EachHoldsOneOf(["anna", "boris"], first.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task A_start_whose_reminder_could_not_be_written_is_still_queued_and_assigned()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        fixture.Reminders.FailNext(site);

        // As a widget does: a start that fails is sent again with the same client id.
        var visitor = Grains.GetGrain<Contracts.Visitors.IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));
        var request = new Contracts.Visitors.StartChatRequest("start-1", null, "Is the blue dress in stock?", null);
        AppendResult start;
        try
        {
            start = await visitor.StartChat(request, chat.Reference);
        }
        catch (TimeoutException)
        {
            start = await visitor.StartChat(request, chat.Reference);
        }

        await chat.Assigned(start.ConversationId);
        Assert.Equal([start.ConversationId], (await chat.Operator("anna").GetSnapshot()).Conversations);
    }

    [Fact]
    public async Task A_start_is_answered_and_assigned_while_its_reminder_is_still_being_written()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(Grains, site);
        await chat.Online("anna");
        var held = fixture.Reminders.HoldNext(site);

        var (_, start) = await chat.StartChat("Is the blue dress in stock?");
        await held.Reached.Task.WaitAsync(Waits.Signal);
        await chat.Assigned(start.ConversationId);

        Assert.False(held.Done.Task.IsCompleted);
        held.Release();
        await held.Done.Task.WaitAsync(Waits.Signal);
        var reminders = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        Assert.NotNull(await reminders.ReadRow(chat.Conversation(start.ConversationId).GetGrainId(), ConversationGrain.DeadlineReminder));
    }
}
