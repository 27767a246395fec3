using Switchboard.Contracts.Conversations;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The conversation's recovery half: catching up with its log after a failed append, and reminding its queue
/// while it waits, so neither a lost database commit nor a lost one-way call can strand a visitor.
/// </summary>
public sealed partial class ConversationGrain
{
    /// <summary>
    /// Before every call: after a failed append, catch up with the log (the subscribers stay, unlike a reactivation).
    /// With nothing to recover, the call is handed on without an async frame of its own.
    /// </summary>
    public Task Invoke(IIncomingGrainCallContext context) =>
        (_historyStale || _relayStale) && context.MethodName != nameof(GetHolder) ? RecoverThenInvoke(context) : context.Invoke();

    // GetHolder interleaves with a running call: it must not replace the history under that call's feet.
    private async Task RecoverThenInvoke(IIncomingGrainCallContext context)
    {
        if (_historyStale)
        {
            await ReloadHistoryAsync();
        }
        if (_relayStale)
        {
            await ResumeRelays();
        }
        await context.Invoke();
    }

    private void KeepQueued() => _requeue ??= this.RegisterGrainTimer(Requeue, new GrainTimerCreationOptions(RequeueInterval, RequeueInterval));

    private Task Requeue()
    {
        if (_history.Status == ConversationStatus.Queued)
        {
            Enqueue(_history.Queue);
        }
        else
        {
            _requeue?.Dispose();
            _requeue = null;
        }
        return Task.CompletedTask;
    }

    private async Task ReloadHistoryAsync()
    {
        var key = this.GetPrimaryKeyString();
        var known = _history.LastSeq;
        var events = await log.ReadAsync(key, 0);
        var history = new ConversationHistory();
        foreach (var evt in events)
        {
            history.Apply(evt);
        }
        _history = history;
        _historyStale = false;
        if (_history.Status == ConversationStatus.Queued)
        {
            // The failed call may have stored the start but never reached its enqueue.
            Enqueue(_history.Queue);
        }
        // A commit that landed although its caller heard it failed: nobody was told of these events yet, and a messenger
        // contact was sent none of them (a retried send finds its seq stored and is not relayed again): the relays catch up.
        foreach (var evt in events.Where(e => e.Seq > known))
        {
            Push(s => s.OnEvent(key, evt));
        }
        _relayStale |= _history.LastSeq > known;
    }
}
