using Switchboard.Contracts;
using Switchboard.Contracts.Push;
using Switchboard.Domain.CoBrowsing;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Wire;

namespace Switchboard.Gateway.Operators;

/// <summary>
/// The operator's side of co-browsing: asking, guiding and stopping go to the chat's conversation, which passes them on
/// as the visitor's consent allows; the visitor's page and answers come back to this operator's consoles only (a
/// supervisor watching the chat does not see the page). A console that closes stops the sessions it showed, unless
/// another console of the operator still shows them (<see cref="CoBrowseViewers"/>).
/// </summary>
public sealed partial class OperatorSession
{
    private readonly HashSet<string> _coBrowsed = new(StringComparer.Ordinal);

    /// <summary>Checks and rewrites co-browsing frames.</summary>
    public required CoBrowseFrames CoBrowsing { get; init; }

    /// <summary>The consoles on this gateway showing each session.</summary>
    public required CoBrowseViewers Viewers { get; init; }

    private async Task CoBrowse(InboundFrame frame)
    {
        var relay = CoBrowsing.FromOperator(frame);
        var conversationId = ConversationId(relay.ConversationId);
        await workbench.CoBrowseAsync(identity, conversationId, relay.Action, relay.Frame);
        if (relay.Action == CoBrowseActions.Request)
        {
            Showing(conversationId);
        }
        else if (relay.Action == CoBrowseActions.Stop)
        {
            NotShowing(conversationId);
        }
    }

    private void SendCoBrowse(CoBrowsePush push, string conversationKey)
    {
        if (push.ToOperator == identity.Login)
        {
            var conversationId = GrainKeys.Parse(conversationKey).Id;
            if (push.Ended)
            {
                NotShowing(conversationId);
            }
            else
            {
                // The session may have been asked from another console of the operator: this one shows it too.
                Showing(conversationId);
            }
            connection.Send(push.Ended ? CoBrowseFrames.Ended(conversationId) : push.Frame);
        }
    }

    private void Showing(string conversationId)
    {
        lock (_gate)
        {
            if (!_coBrowsed.Add(conversationId))
            {
                return;
            }
        }
        Viewers.Add(identity.Site, identity.Login, conversationId, this);
    }

    private void NotShowing(string conversationId)
    {
        lock (_gate)
        {
            if (!_coBrowsed.Remove(conversationId))
            {
                return;
            }
        }
        Viewers.Remove(identity.Site, identity.Login, conversationId, this);
    }

    /// <summary>
    /// Nobody is left to look: the visitors stop sharing, unless another console of the operator still shows their page
    /// (a session already over refuses the stop, harmlessly).
    /// </summary>
    private void StopCoBrowsing()
    {
        string[] shown;
        lock (_gate)
        {
            shown = [.. _coBrowsed];
            _coBrowsed.Clear();
        }
        foreach (var conversationId in shown.Where(id => Viewers.Remove(identity.Site, identity.Login, id, this)))
        {
            var left = CoBrowseFrames.OperatorLeft(conversationId);
            workbench.CoBrowseAsync(identity, conversationId, left.Action, left.Frame).Ignore();
        }
    }
}
