using BenchmarkDotNet.Attributes;
using Switchboard.LoadTests.Bench;
using Switchboard.Wire;

namespace Switchboard.LoadTests.Micro;

/// <summary>A conversation's <c>message</c> event written as the frame every follower's socket is sent.</summary>
[MemoryDiagnoser]
public class EventFrameBenchmarks
{
    [Benchmark(Description = "write message event frame")]
    public byte[] WriteMessageEvent() => EventFrames.Event(FrameWorkload.ConversationId, FrameWorkload.MessageEvent, Audience.Visitor);
}
