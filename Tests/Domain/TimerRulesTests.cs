using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Conversations;
using Switchboard.Domain.Routing;

namespace Switchboard.Tests.Domain;

public sealed class TimerRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly HoldSchedule Schedule = new([new HoldStep(25, "first"), new HoldStep(60, "second")], 60);
    private static readonly QueueSettings Settings = QueueSettings.Resolve(
        new QueueConfig("general", "General") { Hold = Schedule, NoAnswerSeconds = 60, StickyGraceSeconds = 30, InactivityMinutes = 15 },
        new RoutingDefaults(), "en");

    [Fact]
    public void Holds_come_at_each_step_then_at_the_repeat_interval()
    {
        Assert.Equal(T0.AddSeconds(25), HoldPlan.Next(Schedule, T0, 0, null));
        Assert.Equal(T0.AddSeconds(60), HoldPlan.Next(Schedule, T0, 1, T0.AddSeconds(25)));
        Assert.Equal(T0.AddSeconds(120), HoldPlan.Next(Schedule, T0, 2, T0.AddSeconds(60)));
        Assert.Null(HoldPlan.Next(Schedule with { RepeatSeconds = 0 }, T0, 2, T0.AddSeconds(60)));
        Assert.Equal(["first", "second", "second"], new[] { 0, 1, 5 }.Select(n => HoldPlan.Text(Schedule, n)));
    }

    [Fact]
    public void The_earliest_deadline_is_the_first_of_those_set_wherever_it_stands()
    {
        DateTimeOffset? At(int seconds) => T0.AddSeconds(seconds);
        Assert.Null(new ConversationDeadlines(null, null, null).Earliest);
        Assert.Equal(At(9), new ConversationDeadlines(null, null, null, At(9)).Earliest);
        Assert.Equal(At(3), new ConversationDeadlines(At(5), At(3), At(4), At(9)).Earliest);
        Assert.Equal(At(2), new ConversationDeadlines(At(5), null, At(2), null).Earliest);
        Assert.Equal(At(1), new ConversationDeadlines(At(1), At(1), null, At(7)).Earliest);
        // Instants, not clock faces: 10:00+03:00 is before 09:30Z.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(3)),
            new ConversationDeadlines(At(1800), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(3)), null).Earliest);
    }

    [Fact]
    public void Deadlines_follow_the_conversation_through_its_life()
    {
        var history = new ConversationHistory();
        history.Apply(Event(1, EventTypes.Started, 0));
        history.Apply(Event(2, EventTypes.Message, 0, Senders.Visitor));
        Assert.Equal(new ConversationDeadlines(T0.AddSeconds(25), null, null), ConversationDeadlines.Of(history, Settings));

        history.Apply(Event(3, EventTypes.Assigned, 10) with { AuthorId = "anna" });
        Assert.Equal(T0.AddSeconds(70), ConversationDeadlines.Of(history, Settings).NoAnswer);

        history.Apply(Event(4, EventTypes.Message, 30, Senders.Operator));
        var answered = ConversationDeadlines.Of(history, Settings);
        Assert.Equal((null, null, T0.AddSeconds(30).AddMinutes(15)), (answered.Hold, answered.NoAnswer, answered.Inactivity));

        history.Apply(Event(5, EventTypes.Message, 50, Senders.Visitor));
        var asked = ConversationDeadlines.Of(history, Settings);
        Assert.Equal((T0.AddSeconds(75), T0.AddSeconds(110)), (asked.Hold, asked.NoAnswer));
        Assert.Equal(T0.AddSeconds(75), asked.Earliest);

        history.Apply(Event(6, EventTypes.Closed, 60, Senders.Visitor));
        Assert.Null(ConversationDeadlines.Of(history, Settings).Earliest);
    }

    [Fact]
    public void A_sticky_assignment_has_the_grace_period_and_an_overflow_reply_stops_the_holds()
    {
        var history = new ConversationHistory();
        history.Apply(Event(1, EventTypes.Started, 0));
        history.Apply(Event(2, EventTypes.Message, 0, Senders.Visitor));
        history.Apply(Event(3, EventTypes.Message, 1, Senders.System) with { Kind = MessageKinds.Auto, Reason = OverflowReasons.Offline });
        Assert.Null(ConversationDeadlines.Of(history, Settings).Hold);

        history.Apply(Event(4, EventTypes.Assigned, 5) with { AuthorId = "boris", Reason = AssignmentReasons.Sticky });
        Assert.Equal(T0.AddSeconds(35), ConversationDeadlines.Of(history, Settings).NoAnswer);
        Assert.Equal(T0.AddSeconds(25), ConversationDeadlines.Of(history, Settings).Hold);
    }

    [Fact]
    public void Overflow_reasons_in_order_of_precedence()
    {
        Assert.Equal(OverflowReasons.Closed, OverflowPolicy.Reason(false, 0, null, TimeSpan.Zero, Settings));
        Assert.Equal(OverflowReasons.Offline, OverflowPolicy.Reason(true, 0, null, TimeSpan.Zero, Settings));
        Assert.Equal(OverflowReasons.MaxWait, OverflowPolicy.Reason(true, 2, 10, Settings.MaxWait, Settings));
        Assert.Equal(OverflowReasons.LongWait, OverflowPolicy.Reason(true, 2, (int)Settings.MaxEta.TotalSeconds + 1, TimeSpan.Zero, Settings));
        Assert.Null(OverflowPolicy.Reason(true, 2, 30, TimeSpan.FromSeconds(30), Settings));
    }

    [Fact]
    public void Working_hours_are_read_in_the_queues_time_zone()
    {
        var hours = new WorkingHours("Europe/Moscow", new Dictionary<DayOfWeek, string>
        {
            [DayOfWeek.Monday] = "09:00-21:00", [DayOfWeek.Tuesday] = "09:00-21:00", [DayOfWeek.Wednesday] = "09:00-21:00",
            [DayOfWeek.Saturday] = "10:00-16:00",
        });

        // T0 is Monday 09:00 UTC, 12:00 in Moscow.
        Assert.True(WorkingHoursCalendar.IsOpen(hours, T0));
        Assert.False(WorkingHoursCalendar.IsOpen(hours, T0.AddHours(9)));
        Assert.False(WorkingHoursCalendar.IsOpen(hours, T0.AddDays(3)));
        Assert.True(WorkingHoursCalendar.IsOpen(null, T0));
        Assert.Equal("Mon–Wed 09:00–21:00, Sat 10:00–16:00 (Europe/Moscow)", WorkingHoursCalendar.Describe(hours));
        Assert.False(WorkingHoursCalendar.TryParse("21:00-09:00", out _, out _));
    }

    private static ConversationEvent Event(long seq, string type, int second, string? from = null) =>
        new() { Seq = seq, Type = type, At = T0.AddSeconds(second), From = from, Text = from is null ? null : "text", VisitorId = "v1", Queue = "general" };
}
