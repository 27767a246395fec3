using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Latency at a fixed rate, open model: visitor messages injected at <c>rate</c> per second, spread round-robin
/// over a pool of open chats, whatever the answer time. Delivery to the operator is measured by the operators'
/// scenario; replies (as the desk's script says) are measured here on arrival.
/// </summary>
public static class ChatMessagesAtRate
{
    public const string Name = "chat messages at a fixed rate";

    public static Scenario Create(ChatPool pool, int rate, TimeSpan warmUp, TimeSpan during) =>
        Scenario.Create(Name, async context =>
            {
                var visitor = pool.Visitors[(int)(context.Invocation % pool.Visitors.Count)];
                visitor.OperatorMessage = age => context.Measure(Measures.DeliveryToVisitor, age);
                await context.StepAsync("message ack", () => visitor.SendAsync(Probe.Stamp("Is there a discount today?")));
            })
            .WithInit(pool.OpenAsync)
            .WithClean(pool.CloseAsync)
            .WithWarmUp(warmUp)
            .WithLoad(LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), during));
}
