using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Operators answering: one copy per operator at the desk, serving whatever is assigned for as long as the
/// visitors' scenarios run. The copy is where its operator's measurements go: assignment latency, delivery
/// visitor → operator, reply acks.
/// </summary>
public static class OperatorsAnswering
{
    public const string Name = "operators answering";

    public static Scenario Create(OperatorDesk desk, OperatorScript script) =>
        Scenario.Create(Name, async context =>
            {
                var client = desk.Operators[context.Copy];
                client.Script = script;
                client.Sink = context;
                await context.WaitForStopAsync();
            })
            .WithInit(async init =>
            {
                await desk.OpenAsync(init);
                // Set before the visitors' scenarios open their chats, which happens before any load starts.
                foreach (var client in desk.Operators)
                {
                    client.Script = script;
                    client.Sink = null;
                }
            })
            .WithLoad(LoadSimulation.KeepConstant(desk.Count, TimeSpan.FromSeconds(1)))
            .AsBackground();
}
