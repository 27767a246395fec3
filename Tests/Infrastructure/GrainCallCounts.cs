using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>Counts the calls each grain receives, by method: a test asserts how often a grain is asked, not only what it answers.</summary>
public sealed class GrainCallCounts : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Method, string Key), int> _calls = new();

    /// <summary>Calls of <paramref name="method"/> received so far by the grain keyed <paramref name="key"/>.</summary>
    public int Of(string method, string key) => _calls.GetValueOrDefault((method, key));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate((context.MethodName, context.TargetId.Key.ToString()), 1, static (_, count) => count + 1);
        return context.Invoke();
    }
}
