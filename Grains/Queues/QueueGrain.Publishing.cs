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
        var online = Queue.Roster.Values.Count(o => o.Status == OperatorStatus.Online);
        var overflowed = false;
        for (var i = 0; i < Queue.Waiting.Count; i++)
        {
            var waiting = Queue.Waiting[i];
            var conversation = GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, waiting.ConversationId));
            var position = new QueuePosition(i + 1, Estimate(i + 1));
            if (!_published.TryGetValue(waiting.ConversationId, out var last) || last != position)
            {
                _published[waiting.ConversationId] = position;
                conversation.Queued(position).Ignore();
            }
            var reason = OverflowPolicy.Reason(open, online, position.EtaSeconds, now - waiting.Since, settings);
            if (reason is not null && reason != waiting.OverflowReason)
            {
                Queue.Waiting[i] = waiting with { OverflowReason = reason };
                conversation.Overflow(reason, position.EtaSeconds).Ignore();
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

    private int? Estimate(int position)
    {
        var online = Queue.Roster.Values.Where(o => o.Status == OperatorStatus.Online).ToList();
        return WaitEstimator.EstimateSeconds(position, online.Sum(o => Math.Max(0, o.Capacity - o.Load)), online.Sum(o => o.Capacity),
            Queue.RecentHandling, Queue.RecentAnswers);
    }
}
