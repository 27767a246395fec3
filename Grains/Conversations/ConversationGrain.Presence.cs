using Switchboard.Contracts.Conversations;

namespace Switchboard.Grains.Conversations;

/// <summary>The conversation's view of whether its web visitor still has a page open.</summary>
public sealed partial class ConversationGrain
{
    /// <summary>
    /// When the visitor's last widget closed, while they stay away. Kept in memory only: a reload or a new tab within
    /// the limit clears it, and a lost value after a crash only means the chat waits as it did before.
    /// </summary>
    private DateTimeOffset? _visitorGoneSince;

    public async Task VisitorPresence(bool present)
    {
        if (_history.Status == ConversationStatus.Closed || !_history.Exists)
        {
            return;
        }
        var goneSince = present ? (DateTimeOffset?)null : _visitorGoneSince ?? clock.GetUtcNow();
        if (goneSince != _visitorGoneSince)
        {
            _visitorGoneSince = goneSince;
            await ArmDeadlines();
        }
    }
}
