using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Loses grain calls on purpose, as a busy or dying silo does: either the call runs to completion and its caller
/// hears a timeout (a lost answer), or it never runs and its caller hears a timeout (a lost call). Armed per method
/// and per site, so tests sharing a cluster do not trip over each other.
/// </summary>
public sealed class LostAnswers : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Method, string Site), int> _armed = new();
    private readonly ConcurrentDictionary<(string Method, string Site), int> _refused = new();
    private int _lost;

    /// <summary>How many answers were lost so far: a test asserts its fault really happened.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>The next <paramref name="times"/> answers of <paramref name="method"/> on grains of <paramref name="site"/> are lost.</summary>
    public void LoseNext(string method, string site, int times = 1) => _armed[(method, site)] = times;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> on grains of <paramref name="site"/> never run.</summary>
    public void RefuseNext(string method, string site, int times = 1) => _refused[(method, site)] = times;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var key = (context.MethodName, Site: context.TargetId.Key.ToString()!.Split('/')[0]);
        if (Take(_refused, key))
        {
            throw new TimeoutException($"Test fault: the call {context.InterfaceName}.{context.MethodName} was lost.");
        }
        await context.Invoke();
        if (Take(_armed, key))
        {
            throw new TimeoutException($"Test fault: the answer to {context.InterfaceName}.{context.MethodName} was lost.");
        }
    }

    private bool Take(ConcurrentDictionary<(string, string), int> faults, (string, string) key)
    {
        while (faults.TryGetValue(key, out var left) && left > 0)
        {
            if (faults.TryUpdate(key, left - 1, left))
            {
                Interlocked.Increment(ref _lost);
                return true;
            }
        }
        return false;
    }
}
