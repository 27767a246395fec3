using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Throughput, closed model: each copy owns one open chat and loops a visitor message and the operator's
/// reply, so every iteration is two chat messages stored and delivered. The operators must reply to every
/// message (OperatorScript.ReplyEvery = 1).
/// </summary>
public static class ChatExchanges
{
    public const string Name = "chat exchanges";

    public static Scenario Create(ChatPool pool, int copies, TimeSpan warmUp, TimeSpan during) =>
        Scenario.Create(Name, async context =>
            {
                var visitor = pool.Visitors[context.Copy % pool.Visitors.Count];
                visitor.OperatorMessage = age => context.Measure(Measures.DeliveryToVisitor, age);
                var reply = visitor.ExpectOperatorMessage(WireSocket.DefaultTimeout);
                await context.StepAsync("message ack", () => visitor.SendAsync(Probe.Stamp("Do you ship to Lyon?")));
                await context.StepAsync("exchange (message → reply)", () => reply);
            })
            .WithInit(pool.OpenAsync)
            .WithClean(pool.CloseAsync)
            .WithWarmUp(warmUp)
            .WithLoad(LoadSimulation.KeepConstant(copies, during));
}
