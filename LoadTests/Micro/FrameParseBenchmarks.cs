using BenchmarkDotNet.Attributes;
using Switchboard.LoadTests.Bench;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Micro;

/// <summary>A visitor's <c>message</c> frame read the way the gateway reads it: type, record, then the field rules.</summary>
[MemoryDiagnoser]
public class FrameParseBenchmarks
{
    private const int MaxTextLength = 4000;

    [Benchmark(Description = "parse message frame")]
    public string ParseMessage()
    {
        var frame = InboundFrame.TryParse(FrameWorkload.InboundMessage, out _)!;
        var message = frame.Read(WireContext.Default.VisitorMessageFrame);
        _ = FieldRules.ClientId(message.Id);
        return FieldRules.Text(message.Text, "text", MaxTextLength, required: true)!;
    }

    [Benchmark(Description = "refuse malformed frame")]
    public string? RefuseMalformed()
    {
        _ = InboundFrame.TryParse(FrameWorkload.MalformedMessage, out var problem);
        return problem;
    }
}
