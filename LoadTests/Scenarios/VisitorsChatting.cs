using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Visitors chatting, one whole chat per iteration: connect, hello, start_chat, the operator's greeting,
/// messages (each answered when the shape says so), rate, close. The operators must greet (OperatorScript.Greet).
/// </summary>
public static class VisitorsChatting
{
    public const string Name = "visitors chatting";

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    public static Scenario Create(Target target, string site, ChatShape shape, string name = Name) =>
        Scenario.Create(name, async context =>
        {
            await using var visitor = await context.StepAsync("connect", () => VisitorClient.ConnectAsync(target, site, context.CancellationToken));
            visitor.OperatorMessage = age => context.Measure(Measures.DeliveryToVisitor, age);
            await context.StepAsync("hello", visitor.HelloAsync);
            var greeting = visitor.ExpectOperatorMessage(VisitorClient.AssignTimeout + ReplyTimeout);
            var (_, assigned) = await context.StepAsync("start_chat ack", () => visitor.StartChatAsync(Probe.Stamp("Hi! Is the blue dress in stock in size 38?")));
            await context.StepAsync("wait for operator", () => assigned);
            await context.StepAsync("greeting", () => greeting);
            for (var i = 0; i < shape.Messages; i++)
            {
                var reply = shape.AwaitReplies ? visitor.ExpectOperatorMessage(ReplyTimeout) : null;
                await context.StepAsync("message ack", () => visitor.SendAsync(Probe.Stamp($"Message {i + 1}: and does it come in green?")));
                if (reply is not null)
                {
                    await context.StepAsync("operator reply", () => reply);
                }
                if (shape.ThinkTime > TimeSpan.Zero)
                {
                    await Task.Delay(shape.ThinkTime, context.CancellationToken);
                }
            }
            await context.StepAsync("rate", () => visitor.RateAsync(5));
            await context.StepAsync("close", visitor.CloseAsync);
        });
}
