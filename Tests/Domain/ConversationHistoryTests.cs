using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Conversations;

namespace Switchboard.Tests.Domain;

public sealed class ConversationHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_state_machine_follows_the_events()
    {
        var history = new ConversationHistory();
        Assert.Equal(ConversationStatus.New, history.Status);

        history.Apply(new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = At, Queue = "general", VisitorId = "v1" });
        Assert.Equal(ConversationStatus.Queued, history.Status);
        history.Apply(new ConversationEvent { Seq = 2, Type = EventTypes.Assigned, At = At, AuthorId = "anna", Author = "Anna" });
        Assert.Equal((ConversationStatus.Assigned, "anna"), (history.Status, history.OperatorId));
        history.Apply(new ConversationEvent { Seq = 3, Type = EventTypes.Message, At = At, From = Senders.Visitor, Text = "hi", ClientId = "c3" });
        Assert.Equal(ConversationStatus.Assigned, history.Status);
        history.Apply(new ConversationEvent { Seq = 4, Type = EventTypes.Message, At = At, From = Senders.Operator, Text = "hello" });
        Assert.Equal(ConversationStatus.Active, history.Status);
        history.Apply(new ConversationEvent { Seq = 5, Type = EventTypes.Closed, At = At, From = Senders.Visitor });

        Assert.Equal(ConversationStatus.Closed, history.Status);
        Assert.Equal(3, history.CandidateSeqOf("c3"));
        Assert.Null(history.CandidateSeqOf("unknown"));
    }

    [Fact]
    public void A_gap_in_the_log_is_refused()
    {
        var history = new ConversationHistory();
        history.Apply(new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = At });

        Assert.Throws<InvalidOperationException>(() => history.Apply(new ConversationEvent { Seq = 3, Type = EventTypes.Message, At = At }));
    }
}
