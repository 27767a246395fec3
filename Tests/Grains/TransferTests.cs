using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Sites;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class TransferTests(ClusterFixture fixture)
{
    private static readonly TimeSpan NoAnswer = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_transfer_while_the_no_answer_clock_runs_gives_the_new_operator_a_fresh_deadline()
    {
        var (chat, site) = await Setup();
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Question about returns");
        var id = start.ConversationId;
        await chat.Assigned(id);
        await chat.Online("boris");

        fixture.Clock.Advance(TimeSpan.FromSeconds(40));
        await chat.Conversation(id).Transfer(ChatDriver.Operator(site, "anna"), "boris", null, "Returns are Boris's area");
        var transferred = await chat.Event(id, e => e.Type == EventTypes.Transferred, "the transfer event");
        var assigned = await chat.Event(id, e => e.Type == EventTypes.Assigned && e.AuthorId == "boris", "boris's assignment");
        var released = await chat.Observer.WaitFor<OperatorNotice>(
            n => n.Type == NoticeTypes.Unassigned && n.OperatorKey == GrainKeys.Operator(site, "anna"), "anna's unassigned notice");

        Assert.Equal(("anna", "boris", "Returns are Boris's area"), (transferred.AuthorId, transferred.TargetOperatorId, transferred.Note));
        Assert.Equal(AssignmentReasons.Transfer, assigned.Reason);
        Assert.Equal(UnassignReasons.Transfer, released.Reason);

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var probe = await chat.StartChat("probe");
        await chat.Assigned(probe.Start.ConversationId);
        Assert.DoesNotContain(chat.Events(id), e => e.Type == EventTypes.Unassigned);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var missed = await chat.Event(id, e => e.Type == EventTypes.Unassigned, "boris's no-answer");
        Assert.Equal("boris", missed.AuthorId);
    }

    [Fact]
    public async Task A_transfer_to_a_queue_requeues_the_chat_there_and_a_supervisor_can_reassign_any_chat()
    {
        var (chat, site) = await Setup();
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("I need a stylist");
        var id = start.ConversationId;
        await chat.Assigned(id);

        await chat.Conversation(id).Transfer(ChatDriver.Operator(site, "anna"), null, "stylist", null);
        await chat.Event(id, e => e.Type == EventTypes.Transferred && e.Queue == "stylist", "the transfer to the stylist queue");
        await chat.Online("vera");
        await chat.Event(id, e => e.Type == EventTypes.Assigned && e.AuthorId == "vera", "vera, the stylist, to get it");

        var supervisor = new Actor(ActorKind.Supervisor, site, "sup", "Sup");
        await chat.Conversation(id).Transfer(supervisor, "anna", null, "Back to Anna");
        await chat.Event(id, e => e.Type == EventTypes.Assigned && e.AuthorId == "anna" && e.Seq > 4, "the supervisor's reassignment");

        var stranger = await Assert.ThrowsAsync<SwitchboardException>(
            () => chat.Conversation(id).Transfer(ChatDriver.Operator(site, "vera"), "vera", null, null));
        Assert.Equal(ErrorCodes.Forbidden, stranger.Code);
        var full = await Assert.ThrowsAsync<SwitchboardException>(
            () => chat.Conversation(id).Transfer(ChatDriver.Operator(site, "anna"), "boris", null, null));
        Assert.Equal(ErrorCodes.BadRequest, full.Code);
    }

    private async Task<(ChatDriver Chat, string Site)> Setup()
    {
        var site = await TestSites.CreateAsync(fixture.Grains,
            ("anna", 4, ["general"]), ("boris", 4, ["general"]), ("vera", 4, ["stylist"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General")
        {
            NoAnswerSeconds = (int)NoAnswer.TotalSeconds,
            Hold = new HoldSchedule([new HoldStep(3000, "hold")], 0),
            MaxEtaSeconds = 36_000,
        });
        return (chat, site);
    }
}
