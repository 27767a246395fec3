using BenchmarkDotNet.Attributes;
using Switchboard.Contracts.Operators;
using Switchboard.Domain.Queues;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// The queue's routing decision — who is offered a waiting chat — over a roster the size of a big retailer's
/// shift, with a sticky operator and operators who already missed the chat.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private static readonly DateTimeOffset ShiftStart = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private OperatorAvailability[] _roster = [];
    private WaitingConversation _waiting = null!;

    [Params(15, 200)]
    public int Operators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _roster = [.. Enumerable.Range(0, Operators).Select(i => new OperatorAvailability(
            $"op{i}", $"Operator {i}", i % 7 == 0 ? OperatorStatus.Away : OperatorStatus.Online, 4, i % 5, ShiftStart.AddSeconds(i * 13 % 97)))];
        _waiting = new WaitingConversation("c-1", ShiftStart)
        {
            PreferredOperator = $"op{Operators / 2}",
            Excluded = ["op1", "op3"],
        };
    }

    [Benchmark(Description = "choose operators for a waiting chat")]
    public int Candidates() => RoutingPolicy.Candidates(_roster, _waiting).Count;
}
