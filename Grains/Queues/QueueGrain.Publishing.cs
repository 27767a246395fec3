using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Queues;

/// <summary>The queue's publishing: telling waiting visitors their place and estimate, and overflowing chats on time.</summary>
public sealed partial class QueueGrain
{
    /// <summary>Sends changed positions and estimates, and overflows the chats that should be, each reason once.</summary>
    private async Task Publish()
    {
        metrics.Waiting(this.GetPrimaryKeyString(), _site, _queueId, Queue.Waiting.Count);
        var settings = await Settings();
        var now = clock.GetUtcNow();
        var open = WorkingHoursCalendar.IsOpen(settings.Hours, now);
        var online = OnlineCount();
        var estimator = Estimator();
        var overflowed = false;
        for (var i = 0; i < Queue.Waiting.Count; i++)
        {
            var waiting = Queue.Waiting[i];
            var position = new QueuePosition(i + 1, estimator(i + 1));
            if (!_published.TryGetValue(waiting.ConversationId, out var last) || last != position)
            {
                _published[waiting.ConversationId] = position;
                Conversation(waiting.ConversationId).Queued(position).Ignore();
            }
            var reason = OverflowPolicy.Reason(open, online, position.EtaSeconds, now - waiting.Since, settings);
            if (reason is not null && reason != waiting.OverflowReason)
            {
                Queue.Waiting[i] = waiting with { OverflowReason = reason };
                Conversation(waiting.ConversationId).Overflow(reason, position.EtaSeconds).Ignore();
                overflowed = true;
            }
        }
        if (overflowed)
        {
            WriteSoon();
        }
        ScheduleMaxWaitCheck(settings, now);
    }

    /// <summary>Wakes the queue when the next waiting chat reaches the maximum wait, so it overflows on time.</summary>
    private void ScheduleMaxWaitCheck(QueueSettings settings, DateTimeOffset now)
    {
        _overflowCheck?.Dispose();
        _overflowCheck = null;
        var next = Queue.Waiting.Where(w => w.OverflowReason is not (OverflowReasons.MaxWait or OverflowReasons.Closed or OverflowReasons.Offline))
            .Select(w => w.Since + settings.MaxWait).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (next != DateTimeOffset.MaxValue)
        {
            var due = next > now ? next - now : TimeSpan.Zero;
            _overflowCheck = this.RegisterGrainTimer(Publish, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
    }

    private int? Estimate(int position) => Estimator()(position);

    /// <summary>
    /// The estimate for any place in the line, with the roster's sums taken once: a publish asks it for every waiting
    /// chat, and summing the roster each time made a long line cost waiting × operators.
    /// </summary>
    private Func<int, int?> Estimator()
    {
        int free = 0, capacity = 0;
        foreach (var member in Queue.Roster.Values)
        {
            if (member.Status == OperatorStatus.Online)
            {
                free += Math.Max(0, member.Capacity - member.Load);
                capacity += member.Capacity;
            }
        }
        return position => WaitEstimator.EstimateSeconds(position, free, capacity, Queue.RecentHandling, Queue.RecentAnswers);
    }

    private IConversationGrain Conversation(string conversationId) =>
        GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, conversationId));
}
