using BenchmarkDotNet.Attributes;
using Switchboard.LoadTests.Bench;
using Switchboard.Wire;

namespace Switchboard.LoadTests.Micro;

/// <summary>A conversation's <c>message</c> event written as the frame every follower's socket is sent.</summary>
[MemoryDiagnoser]
public class EventFrameBenchmarks
{
    [Benchmark(Description = "write message event frame")]
    public int WriteMessageEvent()
    {
        using var frame = Write();
        return frame.Memory.Length;
    }

    /// <summary>The frame the benchmark writes, as text (for its test).</summary>
    public string MessageEventJson()
    {
        using var frame = Write();
        return System.Text.Encoding.UTF8.GetString(frame.Memory.Span);
    }

    private static PooledFrame Write() => EventFrames.Event(FrameWorkload.ConversationId, FrameWorkload.MessageEvent, Audience.Visitor);
}
