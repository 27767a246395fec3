using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Routing at its limit, closed model: each copy is one visitor who starts a chat, waits for an operator and closes it
/// at once, again and again. An iteration is the whole routing cycle of a chat (the conversation started, queued,
/// assigned, closed; the operator's seat taken and given back) without any message traffic, so the rate is the chat
/// starts a second the queues can route. Copy <c>i</c> uses queue <c>i mod n</c> and gateway <c>i mod m</c>.
/// </summary>
public static class ChatStarts
{
    public const string Name = "chat starts";

    public static Scenario Create(IReadOnlyList<Target> targets, string site, IReadOnlyList<string> queues, int copies, TimeSpan warmUp, TimeSpan during)
    {
        var visitors = new VisitorClient?[copies];
        return Scenario.Create(Name, async context =>
            {
                var visitor = visitors[context.Copy] ??= await Connect(context);
                try
                {
                    var (_, assigned) = await context.StepAsync("start_chat ack", () => visitor.StartChatAsync(Probe.Stamp("Is this in stock?"), queues[context.Copy % queues.Count]));
                    await context.StepAsync("wait for operator", () => assigned);
                    await context.StepAsync("close", visitor.CloseAsync);
                }
                catch
                {
                    // A chat left half-way would take the next start as its message: the next iteration starts afresh.
                    visitors[context.Copy] = null;
                    await visitor.DisposeAsync();
                    throw;
                }
            })
            .WithClean(async () =>
            {
                foreach (var visitor in visitors.OfType<VisitorClient>())
                {
                    await visitor.DisposeAsync();
                }
            })
            .WithWarmUp(warmUp)
            .WithLoad(LoadSimulation.KeepConstant(copies, during));

        async Task<VisitorClient> Connect(ScenarioContext context)
        {
            var visitor = await context.StepAsync("connect", () => VisitorClient.ConnectAsync(targets[context.Copy % targets.Count], site, context.CancellationToken));
            await context.StepAsync("hello", visitor.HelloAsync);
            return visitor;
        }
    }
}
