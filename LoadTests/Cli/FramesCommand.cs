using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>frames</c>: what the gateway's hot path spends on frames, per call — reading a visitor's <c>message</c> frame
/// into its record with the gateway's checks, and writing the <c>message</c> event frame (docs/benchmarks.md).
/// </summary>
public static class FramesCommand
{
    private const int MaxTextLength = 4000;

    public static Command Create()
    {
        var command = new Command("frames", "What the hot path spends on frames, per call, in this process");
        command.SetAction(_ => RunAsync());
        return command;
    }

    public static Task<int> RunAsync()
    {
        var inbound = FrameCost.Measure("inbound message parse", ParseMessage);
        var outbound = FrameCost.Measure("outbound message event", WriteEvent);
        var both = FrameCost.Measure("parse + event", () =>
        {
            ParseMessage();
            WriteEvent();
        });
        foreach (var result in new[] { inbound, outbound, both })
        {
            Console.WriteLine(result);
        }
        return Task.FromResult(0);
    }

    private static void ParseMessage()
    {
        var frame = InboundFrame.TryParse(FrameWorkload.InboundMessage, out _)!;
        var message = frame.Read(WireContext.Default.VisitorMessageFrame);
        _ = FieldRules.ClientId(message.Id);
        _ = FieldRules.Text(message.Text, "text", MaxTextLength, required: true);
    }

    private static void WriteEvent()
    {
        using var frame = EventFrames.Event(FrameWorkload.ConversationId, FrameWorkload.MessageEvent, Audience.Visitor);
    }
}
