using Switchboard.Contracts;
using Switchboard.Contracts.Push;
using Switchboard.Domain.CoBrowsing;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Wire;

namespace Switchboard.Gateway.Operators;

/// <summary>
/// The operator's side of co-browsing: asking, guiding and stopping go to the chat's conversation, which passes them on
/// as the visitor's consent allows; the visitor's page and answers come back to this operator's consoles only (a
/// supervisor watching the chat does not see the page). A console that closes stops the sessions it asked for.
/// </summary>
public sealed partial class OperatorSession
{
    private readonly HashSet<string> _coBrowsed = new(StringComparer.Ordinal);

    /// <summary>Checks and rewrites co-browsing frames.</summary>
    public required CoBrowseFrames CoBrowsing { get; init; }

    private async Task CoBrowse(InboundFrame frame)
    {
        var relay = CoBrowsing.FromOperator(frame);
        var conversationId = ConversationId(relay.ConversationId);
        await workbench.CoBrowseAsync(identity, conversationId, relay.Action, relay.Frame);
        lock (_gate)
        {
            if (relay.Action == CoBrowseActions.Request)
            {
                _coBrowsed.Add(conversationId);
            }
            else if (relay.Action == CoBrowseActions.Stop)
            {
                _coBrowsed.Remove(conversationId);
            }
        }
    }

    private void SendCoBrowse(CoBrowsePush push, string conversationKey)
    {
        if (push.ToOperator == identity.Login)
        {
            var conversationId = GrainKeys.Parse(conversationKey).Id;
            connection.Send(push.Ended ? CoBrowseFrames.Ended(conversationId) : push.Frame);
        }
    }

    /// <summary>Nobody is left to look: the visitors stop sharing (a session already over refuses the stop, harmlessly).</summary>
    private void StopCoBrowsing()
    {
        string[] asked;
        lock (_gate)
        {
            asked = [.. _coBrowsed];
            _coBrowsed.Clear();
        }
        foreach (var conversationId in asked)
        {
            var left = CoBrowseFrames.OperatorLeft(conversationId);
            workbench.CoBrowseAsync(identity, conversationId, left.Action, left.Frame).Ignore();
        }
    }
}
