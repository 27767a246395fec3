namespace Switchboard.Gateway.Sockets;

/// <summary>
/// A request to renew this node's push subscriptions now rather than at the next periodic round: raised when
/// the node loses a connection to a silo, because the grains that lived there come back elsewhere without
/// their subscribers.
/// </summary>
public sealed class PushResync
{
    private TaskCompletionSource _signal = NewSignal();

    public void Request() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Waits up to <paramref name="timeout"/>; true when a resync was requested meanwhile.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(timeout, clock, stop.Token);
        var first = await Task.WhenAny(signal.Task, elapsed);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (first != signal.Task)
        {
            return false;
        }
        // Requests that arrive from here on wake the next wait; the renewal about to run covers earlier ones.
        Interlocked.CompareExchange(ref _signal, NewSignal(), signal);
        return true;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
