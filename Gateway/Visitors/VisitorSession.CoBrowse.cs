using Switchboard.Contracts;
using Switchboard.Contracts.Push;
using Switchboard.Domain.CoBrowsing;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Wire;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// The visitor's side of co-browsing: their answers and their page go to their chat's conversation, which passes them
/// on as its consent allows; the operator's requests and guiding come back. This socket's page shared and the socket
/// closing (the visitor left the page) stops the session.
/// </summary>
public sealed partial class VisitorSession
{
    private bool _sharingPage;

    /// <summary>Checks and rewrites co-browsing frames.</summary>
    public required CoBrowseFrames CoBrowsing { get; init; }

    private async Task CoBrowse(InboundFrame frame)
    {
        var relay = CoBrowsing.FromVisitor(frame, GrainKeys.Parse(ConversationKey()).Id);
        await desk.CoBrowseAsync(_visitor!, ConversationKey(), relay.Action, relay.Frame);
        if (relay.Action is CoBrowseActions.Accept or CoBrowseActions.Decline or CoBrowseActions.Stop)
        {
            _sharingPage = relay.Action == CoBrowseActions.Accept;
        }
    }

    private void SendCoBrowse(CoBrowsePush push, string conversationKey)
    {
        if (push.ToVisitor && conversationKey == _conversationKey)
        {
            connection.Send(push.Ended ? CoBrowseFrames.Ended(GrainKeys.Parse(conversationKey).Id) : push.Frame);
        }
    }

    /// <summary>The page that was shared is gone: the operator stops seeing it.</summary>
    private void StopSharingPage()
    {
        if (_sharingPage && _conversationKey is not null && _visitor is not null)
        {
            _sharingPage = false;
            var left = CoBrowseFrames.VisitorLeft(GrainKeys.Parse(_conversationKey).Id);
            desk.CoBrowseAsync(_visitor, _conversationKey, left.Action, left.Frame).Ignore();
        }
    }
}
