using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Operators;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class NoAnswerTests(ClusterFixture fixture)
{
    private static readonly TimeSpan NoAnswer = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_unanswered_chat_goes_to_the_next_operator_and_the_absent_one_is_set_away_with_a_miss()
    {
        var (chat, site) = await Setup(("anna", 4, ["general"]), ("boris", 4, ["general"]));
        await chat.Online("anna");
        await chat.Online("boris");
        var (_, start) = await chat.StartChat("Anyone there?");
        var id = start.ConversationId;
        var first = (await chat.Event(id, e => e.Type == EventTypes.Assigned, "the first assignment")).AuthorId!;
        var second = first == "anna" ? "boris" : "anna";

        fixture.Clock.Advance(NoAnswer);

        var missed = await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Unassigned && n.Reason == UnassignReasons.NoAnswer && n.ConversationId == id, "the no-answer notice");
        Assert.Equal(GrainKeys.Operator(site, first), missed.OperatorKey);
        await chat.Event(id, e => e.Type == EventTypes.Assigned && e.AuthorId == second, "the chat to move to the other operator");
        var absent = await chat.Operator(first).GetSnapshot();
        Assert.Equal((OperatorStatus.Away, 1, 0), (absent.Status, absent.Missed, absent.Conversations.Count));

        fixture.Clock.Advance(NoAnswer);
        await chat.Observer.WaitFor<ConversationSignal>(s => s.Type == SignalTypes.Queued && s.ConversationKey == GrainKeys.Conversation(site, id),
            "the chat back in the queue with nobody left");
        // Pushes are one-way and may overtake each other: wait for the event rather than count what has arrived.
        await chat.Event(id, e => e.Type == EventTypes.Unassigned && e.Reason == UnassignReasons.NoAnswer && e.AuthorId == second, "the second miss");
        Assert.Equal(2, chat.Events(id).Count(e => e.Type == EventTypes.Unassigned && e.Reason == UnassignReasons.NoAnswer));

        // Back online, the operators who missed it are not offered it again; a new chat proves routing ran.
        await chat.Operator(first).SetStatus(OperatorStatus.Online);
        var (_, other) = await chat.StartChat("Newer chat");
        await chat.Assigned(other.ConversationId);
        var queue = await fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();
        Assert.Equal([id], queue.Waiting.Select(w => w.ConversationId));
    }

    [Fact]
    public async Task A_miss_arriving_just_after_the_seat_audit_freed_the_seat_still_counts_and_sets_the_operator_away()
    {
        // The audit runs every minute, the no-answer limit is often a minute too: the audit can ask the conversation
        // after it recorded the no-answer and free the seat before the operator hears of the miss.
        var (chat, site) = await Setup(("anna", 4, ["general"]));
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Anyone there?");
        var id = start.ConversationId;
        await chat.Assigned(id);
        fixture.Clock.Advance(OperatorGrain.SeatGrace + TimeSpan.FromSeconds(1));

        await chat.Operator("anna").FreeUnusedSeats([id]);
        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Unassigned && n.Reason == UnassignReasons.Closed && n.ConversationId == id, "the audit's release");
        await chat.Operator("anna").Missed(id);

        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Unassigned && n.Reason == UnassignReasons.NoAnswer && n.ConversationId == id, "the no-answer notice");
        var anna = await chat.Operator("anna").GetSnapshot();
        Assert.Equal((OperatorStatus.Away, 1, 0), (anna.Status, anna.Missed, anna.Conversations.Count));
        // Once counted, a repeated miss of the same chat counts nothing more.
        await chat.Operator("anna").Missed(id);
        Assert.Equal(1, (await chat.Operator("anna").GetSnapshot()).Missed);
    }

    [Fact]
    public async Task A_confirmation_arriving_after_the_no_answer_shows_the_operator_no_chat()
    {
        // The queue's Confirm is one-way and can arrive after the no-answer already moved the chat on.
        var (chat, _) = await Setup(("anna", 4, ["general"]));
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Anyone there?");
        var id = start.ConversationId;
        await chat.Assigned(id);
        fixture.Clock.Advance(NoAnswer);
        await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Unassigned && n.Reason == UnassignReasons.NoAnswer && n.ConversationId == id, "the no-answer notice");

        await chat.Operator("anna").Confirm(id);
        // A status notice the grain sends after the late Confirm's turn: whatever that turn told the consoles came before.
        await chat.Operator("anna").SetStatus(OperatorStatus.Offline);
        await chat.Observer.WaitFor<OperatorNotice>(n => n.Type == NoticeTypes.Status && n.Status == OperatorStatus.Offline, "the status notice");

        Assert.Equal(1, chat.AssignedCount("anna"));
        Assert.Empty((await chat.Operator("anna").GetSnapshot()).Conversations);
    }

    [Fact]
    public async Task A_reply_just_before_the_deadline_keeps_the_chat_and_a_visitor_message_restarts_the_clock()
    {
        var (chat, site) = await Setup(("anna", 4, ["general"]));
        await chat.Online("anna");
        var (visitorId, start) = await chat.StartChat("Hello?");
        var id = start.ConversationId;
        await chat.Assigned(id);

        fixture.Clock.Advance(NoAnswer - TimeSpan.FromMilliseconds(1));
        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "r1", "Hi! Looking now.");
        fixture.Clock.Advance(NoAnswer);
        var question = await chat.Conversation(id).Post(ChatDriver.Visitor(site, visitorId), "v2", "Thanks");
        await chat.Event(id, e => e.Seq == question.Seq, "the visitor's message");
        Assert.DoesNotContain(chat.Events(id), e => e.Type == EventTypes.Unassigned);

        fixture.Clock.Advance(NoAnswer);
        var moved = await chat.Event(id, e => e.Type == EventTypes.Unassigned, "no answer to the visitor's second message");
        Assert.Equal(("anna", UnassignReasons.NoAnswer), (moved.AuthorId, moved.Reason));
    }

    [Fact]
    public async Task A_returning_visitor_is_offered_to_their_last_operator_who_has_the_grace_period_to_answer()
    {
        var (chat, site) = await Setup(("anna", 4, ["general"]), ("boris", 4, ["general"]));
        await chat.Online("boris");
        var (visitorId, earlier) = await chat.StartChat("First visit");
        await chat.Assigned(earlier.ConversationId);
        await chat.Conversation(earlier.ConversationId).Close(ChatDriver.Visitor(site, visitorId));
        await chat.Online("anna");
        var (_, busy) = await chat.StartChat("Someone else", visitorId: null);
        await chat.Assigned(busy.ConversationId);

        var (_, returning) = await chat.StartChat("I'm back", visitorId: visitorId);

        var sticky = await chat.Event(returning.ConversationId, e => e.Type == EventTypes.Assigned, "the returning visitor's assignment");
        Assert.Equal(("boris", AssignmentReasons.Sticky), (sticky.AuthorId, sticky.Reason));
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var fallback = await chat.Event(returning.ConversationId, e => e.Type == EventTypes.Assigned && e.AuthorId == "anna", "the queue to take over after the grace period");
        Assert.Equal(AssignmentReasons.Queue, fallback.Reason);
    }

    private async Task<(ChatDriver Chat, string Site)> Setup(params (string, int, string[])[] operators)
    {
        var site = await TestSites.CreateAsync(fixture.Grains, operators);
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General")
        {
            NoAnswerSeconds = (int)NoAnswer.TotalSeconds,
            StickyGraceSeconds = 30,
            Hold = new HoldSchedule([new HoldStep(3000, "hold")], 0),
            MaxWaitSeconds = 36_000,
            MaxEtaSeconds = 36_000,
        });
        return (chat, site);
    }
}
