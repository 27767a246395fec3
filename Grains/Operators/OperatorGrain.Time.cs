using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Operators;
using Switchboard.Domain.Routing;

namespace Switchboard.Grains.Operators;

/// <summary>
/// The operator's time: each change of status, of having chats and of being full goes into an outbox in the grain's
/// state, written with the change itself, and from there to the <see cref="Reports.IOperatorTimeStore"/> behind it,
/// so recording time never puts a second write in front of a reservation and a crash loses nothing.
/// </summary>
public sealed partial class OperatorGrain
{
    /// <summary>How long a failed send of the recorded changes waits before the next try.</summary>
    public static readonly TimeSpan TimeRetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timeSend;

    /// <summary>Records what the operator is doing now if it differs from the last record; call before the state write that keeps it.</summary>
    private void NoteTime()
    {
        var chats = Operator.Conversations.Count;
        var full = _capacity > 0 && SeatRule.Load(HeldClaims()) >= _capacity;
        if (Operator.LastTime is { } last && last.Status == Operator.Status && (last.Chats > 0) == (chats > 0) && last.Full == full)
        {
            return;
        }
        var now = clock.GetUtcNow();
        if (Operator.LastTime?.Status != Operator.Status)
        {
            Operator.StatusSince = now;
        }
        Operator.LastTime = new OperatorStatusChange(Operator.LastTime is { } previous ? previous.Seq + 1 : 1, now, Operator.Status, chats, full);
        Operator.TimeOutbox.Add(Operator.LastTime);
        SendTimeAfter(TimeSpan.Zero);
    }

    /// <summary>
    /// The send interleaves with the grain's other calls: the store is the reports' database, which a busy fold can
    /// hold for a while, and a reservation must never wait behind it. The timer stays set until the send ends, so
    /// changes noted meanwhile go with the next send instead of starting a second one beside it.
    /// </summary>
    private void SendTimeAfter(TimeSpan delay) =>
        _timeSend ??= this.RegisterGrainTimer(SendTime, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true });

    /// <summary>Sends the outbox; what was sent leaves it with the next write. The store skips a change it has, so a resend is harmless.</summary>
    private async Task SendTime()
    {
        var sending = Operator.TimeOutbox.ToList();
        var retryAfter = TimeSpan.Zero;
        if (sending.Count > 0)
        {
            try
            {
                await timeStore.AppendAsync(_site, _login, sending);
                Operator.TimeOutbox.RemoveAll(change => change.Seq <= sending[^1].Seq);
                WriteSoon();
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Could not record {Count} status changes of operator {Operator}; retrying", sending.Count, this.GetPrimaryKeyString());
                retryAfter = TimeRetryDelay;
            }
        }
        _timeSend?.Dispose();
        _timeSend = null;
        if (Operator.TimeOutbox.Count > 0)
        {
            SendTimeAfter(retryAfter);
        }
    }
}
