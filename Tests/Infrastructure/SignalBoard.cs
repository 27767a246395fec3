namespace Switchboard.Tests.Infrastructure;

/// <summary>Wakes whoever waits each time something changed; a waiter takes <see cref="Current"/> before it looks, so no change is missed.</summary>
public sealed class SignalBoard
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Current => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
