using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Holds a host's outgoing grain call back until the test lets it go, so calls can be made to arrive in the order
/// a busy network sometimes gives them. Armed per method and per site.
/// </summary>
public sealed class HeldCalls : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Method, string Site), HeldCall> _armed = new();

    /// <summary>The next call of <paramref name="method"/> to a grain of <paramref name="site"/> waits for <see cref="HeldCall.Release"/>.</summary>
    public HeldCall HoldNext(string method, string site) => _armed[(method, site)] = new HeldCall();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var key = (context.MethodName, ArmedFaults.SiteOf(context.TargetId));
        if (!_armed.TryRemove(key, out var held))
        {
            await context.Invoke();
            return;
        }
        await held.RunAsync(async () =>
        {
            await context.Invoke();
            return true;
        });
    }
}

/// <summary>One held call: it has been made (<see cref="Reached"/>), may go (<see cref="Release"/>), has been answered (<see cref="Done"/>).</summary>
public sealed class HeldCall
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Released.TrySetResult();

    /// <summary>Runs <paramref name="call"/> once released: it has been reached now, and is done when it has answered.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        Reached.TrySetResult();
        await Released.Task;
        try
        {
            return await call();
        }
        finally
        {
            Done.TrySetResult();
        }
    }
}
