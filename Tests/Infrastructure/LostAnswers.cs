namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Loses grain calls on purpose, as a busy or dying silo does: either the call runs to completion and its caller
/// hears a timeout (a lost answer), or it never runs and its caller hears a timeout (a lost call). Armed per method
/// and per site, so tests sharing a cluster do not trip over each other.
/// </summary>
public sealed class LostAnswers : IIncomingGrainCallFilter
{
    private readonly ArmedFaults _lostAnswers = new();
    private readonly ArmedFaults _lostCalls = new();
    private int _lost;

    /// <summary>How many answers were lost so far: a test asserts its fault really happened.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>The next <paramref name="times"/> answers of <paramref name="method"/> on grains of <paramref name="site"/> are lost.</summary>
    public void LoseNext(string method, string site, int times = 1) => _lostAnswers.Arm(method, site, times);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> on grains of <paramref name="site"/> never run.</summary>
    public void RefuseNext(string method, string site, int times = 1) => _lostCalls.Arm(method, site, times);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (_lostCalls.Take(context.MethodName, context.TargetId))
        {
            Interlocked.Increment(ref _lost);
            throw new TimeoutException($"Test fault: the call {context.InterfaceName}.{context.MethodName} was lost.");
        }
        await context.Invoke();
        if (_lostAnswers.Take(context.MethodName, context.TargetId))
        {
            Interlocked.Increment(ref _lost);
            throw new TimeoutException($"Test fault: the answer to {context.InterfaceName}.{context.MethodName} was lost.");
        }
    }
}
