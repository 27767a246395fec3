using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Calls;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// A PBX that takes pushed commands: an offered call rings in the operator's console, is put through when they accept,
/// and moves on (the PBX told) when they decline or let it ring past the queue's limit.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class RingingCallTests(ClusterFixture fixture)
{
    private static readonly TimeSpan NoAnswer = TimeSpan.FromSeconds(60);
    private int _events;

    [Fact]
    public async Task An_offered_call_rings_and_the_operators_accept_pushes_connect_and_records_who_answered()
    {
        var (chat, site) = await Setup(("anna", 2, ["general"]));
        await chat.Online("anna");

        var offered = await Call(site, "r-1").Handle(Event("r-1", PhoneEventTypes.Offered));
        var id = (await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the call to ring for anna")).ConversationId!;
        var ringing = await chat.Conversation(id).GetSnapshot(Actor.System(site));
        await Call(site, "r-1").Accept("anna", "Anna");
        var pushed = await fixture.Pbx.NextAsync(site, "r-1", "connect");
        await Call(site, "r-1").Handle(Event("r-1", PhoneEventTypes.Answered));
        await Call(site, "r-1").Handle(Event("r-1", PhoneEventTypes.Ended) with { Reason = "completed", DurationSeconds = 75, RecordingUrl = "https://pbx.example/rec/r-1.wav" });

        Assert.Equal(["answer", "say", "enqueue"], offered.Commands.Select(c => c.Type));
        Assert.Equal("r-1", ringing.WaitingCallId);
        var connect = Assert.Single(pushed);
        Assert.Equal(("connect", "anna", "Anna"), (connect.Type, connect.Operator!.Id, connect.Operator.Name));
        var calls = (await chat.Conversation(id).GetEvents(Actor.System(site), 0, 100)).Where(e => e.Type == EventTypes.Call).ToList();
        Assert.Equal([CallStates.Offered, CallStates.Answered, CallStates.Ended], calls.Select(c => c.Status));
        Assert.Equal(("anna", "Anna"), (calls[1].AuthorId, calls[1].Author));
        Assert.Equal((CallOutcomes.Answered, 75, "https://pbx.example/rec/r-1.wav"), (calls[2].Outcome, calls[2].DurationSeconds, calls[2].RecordingUrl));
        var figures = await fixture.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();
        Assert.Equal((0, 1), (figures.WaitingCallers, figures.Answered));
    }

    [Fact]
    public async Task A_call_rings_a_free_operator_even_when_its_conversations_own_enqueue_arrives_late_or_never()
    {
        // In a cluster the conversation's one-way enqueue and the call's question to the queue travel apart: the call
        // must not take the queue's answer for "nobody free" before the enqueue has been there.
        var (chat, site) = await Setup(("anna", 2, ["general"]));
        await chat.Online("anna");
        var lostBefore = fixture.LostAnswers.Lost;
        fixture.LostAnswers.RefuseNext("Enqueue", site);

        var offered = await Call(site, "r-7").Handle(Event("r-7", PhoneEventTypes.Offered));

        Assert.Equal(lostBefore + 1, fixture.LostAnswers.Lost);
        Assert.Equal(["answer", "say", "enqueue"], offered.Commands.Select(c => c.Type));
        var id = (await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the call to ring for anna")).ConversationId!;
        Assert.Equal("anna", (await chat.Conversation(id).GetSnapshot(Actor.System(site))).OperatorId);
    }

    [Fact]
    public async Task A_call_nobody_answers_within_the_queues_limit_moves_on_as_a_chat_would_and_the_pbx_plays_the_menu()
    {
        var (chat, site) = await Setup(("anna", 2, ["general"]));
        await chat.Online("anna");
        await Call(site, "r-2").Handle(Event("r-2", PhoneEventTypes.Offered));
        var id = (await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the call to ring for anna")).ConversationId!;

        fixture.Clock.Advance(NoAnswer);

        var menu = await fixture.Pbx.NextAsync(site, "r-2", "the menu after nobody answered");
        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Unassigned && n.Reason == UnassignReasons.NoAnswer && n.ConversationId == id, "anna's missed call");
        Assert.Equal(["say", "say", "gather"], menu.Select(c => c.Type));
        Assert.Equal(PhoneTexts.NobodyAnswered("en"), menu[0].Text);
        var anna = await chat.Operator("anna").GetSnapshot();
        Assert.Equal((OperatorStatus.Away, 1, 0), (anna.Status, anna.Missed, anna.SeatsHeld));
        var snapshot = await chat.Conversation(id).GetSnapshot(Actor.System(site));
        Assert.Equal((ConversationStatus.Queued, "r-2"), (snapshot.Status, snapshot.WaitingCallId));
        // The caller is in the menu now: their keys work as in any overflow.
        var callback = await Call(site, "r-2").Handle(Event("r-2", PhoneEventTypes.Dtmf) with { Digits = "2" });
        Assert.Equal(["say", "hangup"], callback.Commands.Select(c => c.Type));
    }

    [Fact]
    public async Task A_declined_call_rings_the_next_operator_and_a_second_decline_sends_the_caller_to_the_menu()
    {
        var (chat, site) = await Setup(("anna", 2, ["general"]), ("boris", 2, ["general"]));
        await chat.Online("anna");
        await chat.Online("boris");
        await Call(site, "r-3").Handle(Event("r-3", PhoneEventTypes.Offered));
        var first = await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the call to ring for someone");
        var id = first.ConversationId!;
        var (firstLogin, secondLogin) = first.OperatorKey == GrainKeys.Operator(site, "anna") ? ("anna", "boris") : ("boris", "anna");

        await chat.Conversation(id).DeclineCall(ChatDriver.Operator(site, firstLogin));
        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Assigned && n.OperatorKey == GrainKeys.Operator(site, secondLogin), "the call to ring for the other operator");
        var decliner = await chat.Operator(firstLogin).GetSnapshot();
        var refusal = await Assert.ThrowsAsync<SwitchboardException>(() => Call(site, "r-3").Accept(firstLogin, firstLogin));
        await chat.Conversation(id).DeclineCall(ChatDriver.Operator(site, secondLogin));
        var menu = await fixture.Pbx.NextAsync(site, "r-3", "the menu once both declined");

        Assert.Equal((OperatorStatus.Online, 0, 0), (decliner.Status, decliner.Missed, decliner.SeatsHeld));
        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        Assert.Equal(["say", "say", "gather"], menu.Select(c => c.Type));
        var declines = (await chat.Conversation(id).GetEvents(Actor.System(site), 0, 100)).Where(e => e.Reason == UnassignReasons.Declined);
        Assert.Equal([firstLogin, secondLogin], declines.Select(e => e.AuthorId));
    }

    [Fact]
    public async Task A_caller_who_pressed_0_rings_the_operator_who_frees_up_and_is_put_through_when_they_accept()
    {
        var (chat, site) = await Setup(("anna", 1, ["general"]));
        await Call(site, "r-4").Handle(Event("r-4", PhoneEventTypes.Offered));
        var wait = await Call(site, "r-4").Handle(Event("r-4", PhoneEventTypes.Dtmf) with { Digits = "0" });

        await chat.Online("anna");
        var id = (await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the waiting caller to ring for anna")).ConversationId!;
        await Call(site, "r-4").Accept("anna", "Anna");
        var connect = Assert.Single(await fixture.Pbx.NextAsync(site, "r-4", "connect"));

        Assert.Equal(["say", "enqueue"], wait.Commands.Select(c => c.Type));
        Assert.Equal(("connect", "anna"), (connect.Type, connect.Operator!.Id));
        Assert.Equal(ConversationStatus.Active, (await chat.Conversation(id).GetSnapshot(Actor.System(site))).Status);
    }

    [Fact]
    public async Task A_call_weighs_what_its_queue_says_so_a_chat_waits_for_the_seats_it_takes()
    {
        var (chat, site) = await Setup(2, ("anna", 2, ["general"]));
        await chat.Online("anna");
        await Call(site, "r-5").Handle(Event("r-5", PhoneEventTypes.Offered));
        await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the call to ring for anna");

        var (_, waitingChat) = await chat.StartChat("Is anyone free?");
        await chat.Observer.WaitFor<ConversationSignal>(
            s => s.Type == SignalTypes.Queued && s.ConversationKey == GrainKeys.Conversation(site, waitingChat.ConversationId), "the chat to wait");
        var queue = await fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();

        Assert.Equal([waitingChat.ConversationId], queue.Waiting.Select(w => w.ConversationId));
        var anna = await chat.Operator("anna").GetSnapshot();
        Assert.Equal((2, true, 1), (anna.SeatsHeld, anna.OnCall, anna.Conversations.Count));
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_it_rings_leaves_the_conversation_closed_and_the_seat_free()
    {
        var (chat, site) = await Setup(("anna", 2, ["general"]));
        await chat.Online("anna");
        await Call(site, "r-6").Handle(Event("r-6", PhoneEventTypes.Offered));
        var id = (await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Assigned, "the call to ring for anna")).ConversationId!;

        await Call(site, "r-6").Handle(Event("r-6", PhoneEventTypes.Ended) with { Reason = "canceled", DurationSeconds = 12 });
        var refusal = await Assert.ThrowsAsync<SwitchboardException>(() => Call(site, "r-6").Accept("anna", "Anna"));

        Assert.Equal(ConversationStatus.Closed, (await chat.Conversation(id).GetSnapshot(Actor.System(site))).Status);
        Assert.Equal(ErrorCodes.BadRequest, refusal.Code);
        var ended = (await chat.Conversation(id).GetEvents(Actor.System(site), 0, 100)).Last(e => e.Type == EventTypes.Call);
        Assert.Equal(CallOutcomes.Abandoned, ended.Outcome);
        Assert.False(fixture.Pbx.HasPending(site, "r-6"));
    }

    private PhoneEvent Event(string callId, string type) =>
        new($"e-{callId}-{Interlocked.Increment(ref _events)}", callId, type, "+79005550100", "+74950000000") { PbxTakesCommands = true };

    private ICallGrain Call(string site, string callId) => fixture.Grains.GetGrain<ICallGrain>(GrainKeys.Call(site, callId));

    private Task<(ChatDriver Chat, string Site)> Setup(params (string, int, string[])[] operators) => Setup(null, operators);

    private async Task<(ChatDriver Chat, string Site)> Setup(int? callWeight, params (string, int, string[])[] operators)
    {
        var site = await TestSites.CreateAsync(fixture.Grains, operators);
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General")
        {
            NoAnswerSeconds = (int)NoAnswer.TotalSeconds,
            Hold = new HoldSchedule([new HoldStep(3000, "hold")], 0),
            MaxWaitSeconds = 36_000,
            MaxEtaSeconds = 36_000,
            CallWeight = callWeight,
        });
        return (chat, site);
    }
}
