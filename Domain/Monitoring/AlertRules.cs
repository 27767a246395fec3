using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Operators;

namespace Switchboard.Domain.Monitoring;

/// <summary>Thresholds crossed, each with a recommended action a supervisor can take now.</summary>
public static class AlertRules
{
    public static IReadOnlyList<Alert> Evaluate(MonitorSnapshot snapshot, MonitorThresholds thresholds)
    {
        var alerts = new List<Alert>();
        if (snapshot.ServiceLevel < thresholds.ServiceLevelMinPercent)
        {
            alerts.Add(new Alert("service_level",
                $"Service level today is {snapshot.ServiceLevel}% (goal {thresholds.ServiceLevelMinPercent}% within {thresholds.ServiceLevelSeconds} s).",
                "Bring more operators online or raise capacities for the busiest queue."));
        }
        if (snapshot.AverageFirstResponse > thresholds.FirstResponseMaxSeconds)
        {
            alerts.Add(new Alert("first_response",
                $"Average first response today is {snapshot.AverageFirstResponse} s (goal {thresholds.FirstResponseMaxSeconds} s).",
                "Ask operators to greet new chats first; canned greetings help."));
        }
        foreach (var queue in snapshot.Queues.Where(q => q.LongestWaitSeconds > thresholds.QueueWaitMaxSeconds))
        {
            var over = snapshot.Waiting.Count(w => w.Queue == queue.Id && w.WaitingSeconds > thresholds.QueueWaitMaxSeconds);
            var helper = snapshot.Operators
                .Where(o => o.Status == OperatorStatus.Online && o.Chats < o.Capacity && !o.Queues.Contains(queue.Id))
                .OrderBy(o => o.Chats).FirstOrDefault();
            alerts.Add(new Alert("queue_wait",
                $"{over} chat(s) waiting over {thresholds.QueueWaitMaxSeconds} s in '{queue.Name}'.",
                helper is null
                    ? $"Bring an operator of '{queue.Name}' online."
                    : $"Move {helper.Id} to '{queue.Id}' (online with {helper.Capacity - helper.Chats} free slot(s))."));
        }
        foreach (var op in snapshot.Operators.Where(o => o.MissedToday > thresholds.MissedMax))
        {
            alerts.Add(new Alert("missed", $"{op.Name} missed {op.MissedToday} chats today.", $"Check on {op.Name}; set them away or offline if they are not at their desk."));
        }
        foreach (var op in snapshot.Operators.Where(o => o.AverageRating < thresholds.RatingMin))
        {
            alerts.Add(new Alert("rating", $"{op.Name}'s average rating today is {op.AverageRating}.", $"Review {op.Name}'s recent transcripts."));
        }
        return alerts;
    }
}
