using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Loses answers on purpose: a grain call runs to completion, then its caller hears a timeout, as when a busy
/// silo answers too late. Armed per method and per site, so tests sharing a cluster do not trip over each other.
/// </summary>
public sealed class LostAnswers : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Method, string Site), int> _armed = new();
    private int _lost;

    /// <summary>How many answers were lost so far: a test asserts its fault really happened.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>The next <paramref name="times"/> answers of <paramref name="method"/> on grains of <paramref name="site"/> are lost.</summary>
    public void LoseNext(string method, string site, int times = 1) => _armed[(method, site)] = times;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        var key = (context.MethodName, Site: context.TargetId.Key.ToString().Split('/')[0]);
        while (_armed.TryGetValue(key, out var left) && left > 0)
        {
            if (_armed.TryUpdate(key, left - 1, left))
            {
                Interlocked.Increment(ref _lost);
                throw new TimeoutException($"Test fault: the answer to {context.InterfaceName}.{context.MethodName} was lost.");
            }
        }
    }
}
