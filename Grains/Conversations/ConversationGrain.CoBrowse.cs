using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Domain.CoBrowsing;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Co-browsing: the conversation holds the consent and passes each side's frames to the other through its observers,
/// like typing. Nothing of it is stored: a page's content never reaches the event log.
/// </summary>
public sealed partial class ConversationGrain
{
    private readonly CoBrowseConsent _coBrowse = new();

    public Task CoBrowse(Actor actor, string action, byte[] frame)
    {
        EnsureExists();
        if (_history.Status is not (ConversationStatus.Assigned or ConversationStatus.Active))
        {
            throw new SwitchboardException(ErrorCodes.BadRequest, "Co-browsing needs an operator in the chat.");
        }
        var side = CoBrowsingSide(actor)
            ?? throw new SwitchboardException(ErrorCodes.Forbidden, "Only the chat's visitor and its operator co-browse.");
        var verdict = _coBrowse.Judge(side, action);
        if (verdict.Refusal is { } refusal)
        {
            throw new SwitchboardException(ErrorCodes.BadRequest, refusal);
        }
        var push = new CoBrowsePush(frame, verdict.ToVisitor, verdict.ToOperator ? _history.OperatorId : null);
        var signal = new ConversationSignal(_key, SignalTypes.CoBrowse) { CoBrowse = push };
        Push(s => s.OnSignal(signal));
        return Task.CompletedTask;
    }

    private CoBrowseSide? CoBrowsingSide(Actor actor) => actor switch
    {
        _ when actor.Site != _site => null,
        { Kind: ActorKind.Visitor } when actor.Id == _history.VisitorId => CoBrowseSide.Visitor,
        { Kind: ActorKind.Operator } when actor.Id == _history.OperatorId => CoBrowseSide.Operator,
        _ => null,
    };

    /// <summary>
    /// A chat that closes or changes hands ends its co-browsing: the next operator asks again. Called before the event
    /// is applied, so the operator told is the one the session was with.
    /// </summary>
    private void EndCoBrowsingOn(ConversationEvent evt)
    {
        if (evt.Type is EventTypes.Closed or EventTypes.Transferred or EventTypes.Unassigned && _coBrowse.End())
        {
            var signal = new ConversationSignal(_key, SignalTypes.CoBrowse)
            {
                CoBrowse = new CoBrowsePush([], ToVisitor: true, ToOperator: _history.OperatorId, Ended: true),
            };
            Push(s => s.OnSignal(signal));
        }
    }
}
