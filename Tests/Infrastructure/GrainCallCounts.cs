using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>Counts the calls each grain receives, by method: a test asserts how often a grain is asked, not only what it answers.</summary>
public sealed class GrainCallCounts : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Method, string Key), int> _calls = new();
    private readonly ConcurrentDictionary<(string Method, string Key), ConcurrentQueue<string>> _callers = new();

    /// <summary>Calls of <paramref name="method"/> received so far by the grain keyed <paramref name="key"/>.</summary>
    public int Of(string method, string key) => _calls.GetValueOrDefault((method, key));

    /// <summary>Who made those calls, in order: the calling grain, or "(no grain)" for a client or a silo's own service.</summary>
    public IReadOnlyCollection<string> CallersOf(string method, string key) =>
        _callers.TryGetValue((method, key), out var callers) ? callers : [];

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var call = (context.MethodName, context.TargetId.Key.ToString());
        _calls.AddOrUpdate(call, 1, static (_, count) => count + 1);
        _callers.GetOrAdd(call, static _ => new()).Enqueue(context.SourceId?.ToString() ?? "(no grain)");
        return context.Invoke();
    }
}
