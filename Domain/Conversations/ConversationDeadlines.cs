using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Conversations;

/// <summary>
/// A conversation's pending deadlines, derived from its history alone: so they survive any crash
/// (the log is durable) and are re-armed on activation by computing them again.
/// </summary>
public readonly record struct ConversationDeadlines(DateTimeOffset? Hold, DateTimeOffset? NoAnswer, DateTimeOffset? Inactivity, DateTimeOffset? Abandon = null)
{
    // Read after every append (the grain moves its one deadline timer to it): no array or iterator for four values.
    public DateTimeOffset? Earliest => Earlier(Earlier(Hold, NoAnswer), Earlier(Inactivity, Abandon));

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a <= b ? a : b;

    /// <param name="visitorGoneSince">
    /// When the web visitor's last page with the widget closed, while they have not come back; null while they are there.
    /// </param>
    public static ConversationDeadlines Of(ConversationHistory history, QueueSettings settings, DateTimeOffset? visitorGoneSince = null)
    {
        if (history.Status is ConversationStatus.Closed or ConversationStatus.New)
        {
            return default;
        }
        var hold = history.AwaitingReplySince is { } since && history.OverflowReason is null
            ? HoldPlan.Next(settings.Hold, since, history.HoldsSent, history.LastHoldAt)
            : null;
        return new ConversationDeadlines(hold, NoAnswerDeadline(history, settings), InactivityDeadline(history, settings),
            AbandonDeadline(history, settings, visitorGoneSince));
    }

    /// <summary>A waiting visitor who left and stayed away as long as the inactivity limit has given up: nobody would read the answer.</summary>
    private static DateTimeOffset? AbandonDeadline(ConversationHistory history, QueueSettings settings, DateTimeOffset? visitorGoneSince) =>
        history.Status == ConversationStatus.Queued && history.Channel == ChannelNames.Web && visitorGoneSince is { } gone
            ? gone + settings.Inactivity
            : null;

    /// <summary>After assignment, and after each unanswered visitor message, the operator has so long to answer.</summary>
    private static DateTimeOffset? NoAnswerDeadline(ConversationHistory history, QueueSettings settings)
    {
        if (history.AssignedAt is not { } assignedAt)
        {
            return null;
        }
        var timeout = history.StickyAssignment ? settings.StickyGrace : settings.NoAnswer;
        return history.Status switch
        {
            ConversationStatus.Assigned => Max(assignedAt, history.AwaitingReplySince) + timeout,
            ConversationStatus.Active when history.AwaitingReplySince is { } since => since + timeout,
            _ => null,
        };
    }

    private static DateTimeOffset? InactivityDeadline(ConversationHistory history, QueueSettings settings) =>
        history.Status is ConversationStatus.Assigned or ConversationStatus.Active && !history.CallInProgress
            ? Max(history.LastActivityAt, history.AssignedAt) + settings.Inactivity
            : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}
