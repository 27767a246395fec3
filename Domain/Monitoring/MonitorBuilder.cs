using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Monitoring;

/// <summary>
/// Builds the supervisor's snapshot from the queues' and operators' own figures (no event is counted twice,
/// and no hot site-wide grain is fed per message), then raises alerts against the site's thresholds.
/// </summary>
public static class MonitorBuilder
{
    public static MonitorSnapshot Build(
        SiteConfig site, IReadOnlyList<QueueSnapshot> queues, IReadOnlyList<OperatorSnapshot> operators, DateTimeOffset now,
        IReadOnlyList<Contracts.Calls.CallFigures>? calls = null)
    {
        var queueRows = queues.Select(q => new MonitorSnapshot.QueueRow(
            q.QueueId, site.FindQueue(q.QueueId)?.Name ?? q.QueueId, q.Waiting.Count,
            q.Waiting.Count == 0 ? null : (int)(now - q.Waiting.Min(w => w.Since)).TotalSeconds,
            q.Waiting.LastOrDefault()?.EtaSeconds,
            Figures.ServiceLevel(q.Today), Figures.Csat(q.Today),
            q.Roster.Count(o => o.Status == OperatorStatus.Online))).ToList();
        var operatorRows = operators.Select(o => new MonitorSnapshot.OperatorRow(
            o.Id, o.Name, o.Status, o.Conversations.Count, o.Capacity, o.Today?.Missed ?? 0,
            o.Today is { } t ? Figures.AverageFirstResponse(t) : null, o.Today is { } r ? Figures.AverageRating(r) : null,
            site.FindOperator(o.Id)?.Queues ?? []) { StatusSince = o.StatusSince }).ToList();
        var total = Sum(queues.Select(q => q.Today));
        var waiting = queues.SelectMany(q => q.Waiting.Select(w => new MonitorSnapshot.ChatRow(
            w.ConversationId, q.QueueId, null, (int)(now - w.Since).TotalSeconds, w.Phone) { Channel = w.Channel })).ToList();
        var active = operators.SelectMany(o => o.Conversations.Select(c => new MonitorSnapshot.ChatRow(c, null, o.Id, null, null))).ToList();
        var snapshot = new MonitorSnapshot(now, operatorRows, queueRows, Figures.ServiceLevel(total), Figures.Csat(total),
            Figures.AverageFirstResponse(total), waiting, active, []);
        return snapshot with { Alerts = AlertRules.Evaluate(snapshot, site.Monitor), Channels = ByChannel(queues, waiting), Calls = calls ?? [] };
    }

    /// <summary>Every channel that has someone waiting or a figure today, web first, then by name.</summary>
    private static List<MonitorSnapshot.ChannelRow> ByChannel(IReadOnlyList<QueueSnapshot> queues, List<MonitorSnapshot.ChatRow> waiting)
    {
        var figures = queues.SelectMany(q => q.Today.Channels ?? []).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => Sum(g.Select(c => c.Value)));
        return waiting.Select(w => w.Channel ?? ChannelNames.Web).Concat(figures.Keys).Distinct()
            .OrderBy(c => c == ChannelNames.Web ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal)
            .Select(channel =>
            {
                var here = waiting.Where(w => (w.Channel ?? ChannelNames.Web) == channel).ToList();
                return new MonitorSnapshot.ChannelRow(channel, here.Count, here.Count == 0 ? null : here.Max(w => w.WaitingSeconds),
                    figures.TryGetValue(channel, out var today) ? Figures.ServiceLevel(today) : null);
            }).ToList();
    }

    private static DailyFigures Sum(IEnumerable<DailyFigures> days) => days.Aggregate(new DailyFigures(), (sum, day) =>
    {
        sum.Answered += day.Answered;
        sum.AnsweredWithinTarget += day.AnsweredWithinTarget;
        sum.Unanswered += day.Unanswered;
        sum.FirstResponseSeconds += day.FirstResponseSeconds;
        sum.Ratings += day.Ratings;
        sum.RatingSum += day.RatingSum;
        sum.Satisfied += day.Satisfied;
        return sum;
    });
}
