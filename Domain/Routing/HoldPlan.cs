using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Routing;

/// <summary>When the next hold message is due and what it says, given how many were sent since the unanswered message.</summary>
public static class HoldPlan
{
    public static DateTimeOffset? Next(HoldSchedule schedule, DateTimeOffset unansweredSince, int holdsSent, DateTimeOffset? lastHoldAt)
    {
        if (holdsSent < schedule.Steps.Count)
        {
            return unansweredSince + TimeSpan.FromSeconds(schedule.Steps[holdsSent].AfterSeconds);
        }
        if (schedule.RepeatSeconds <= 0 || schedule.Steps.Count == 0)
        {
            return null;
        }
        return (lastHoldAt ?? unansweredSince) + TimeSpan.FromSeconds(schedule.RepeatSeconds);
    }

    public static string Text(HoldSchedule schedule, int holdsSent) =>
        schedule.Steps[Math.Min(holdsSent, schedule.Steps.Count - 1)].Text;
}
