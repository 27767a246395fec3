using System.Diagnostics;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// New calls at a fixed rate through the generic phone adapter, nobody free to take them: each caller is offered the
/// overflow menu, presses 1 (their order status) and 2 (a callback), and hangs up. Each event's answer is timed
/// (<see cref="EventToCommands"/>), and so is the callback's arrival in the operators' queue view
/// (<see cref="CallbackToConsole"/>).
/// </summary>
public static class CallersAtRate
{
    public const string Name = "callers at a fixed rate";
    public const string EventToCommands = "event → commands";
    public const string CallbackToConsole = "callback → operator console";

    public static Scenario Create(PhoneHookClient pbx, QueueWatcher queues, Func<Task<string>> operatorToken, int rate, TimeSpan warmUp, TimeSpan during) =>
        Scenario.Create(Name, async context =>
            {
                var cancel = context.CancellationToken;
                var callId = ClientIds.Next('c');
                // A number of its own per call, so its callback is found in the queue by number.
                var caller = $"+7901{context.Invocation:D7}";
                await context.StepAsync(EventToCommands, () => Expect(pbx.SendAsync(callId, caller, "call.offered", null, cancel), "gather"));
                await context.StepAsync(EventToCommands, () => Expect(pbx.SendAsync(callId, caller, "input.dtmf", new { digits = "1" }, cancel), "gather"));
                var pressed = Stopwatch.GetTimestamp();
                await context.StepAsync(EventToCommands, () => Expect(pbx.SendAsync(callId, caller, "input.dtmf", new { digits = "2" }, cancel), "hangup"));
                context.Measure(CallbackToConsole, await queues.ListedAsync(caller, pressed, cancel));
                await context.StepAsync(EventToCommands, () => pbx.SendAsync(callId, caller, "call.ended", new { reason = "completed", durationSeconds = 20 }, cancel));
            })
            .WithInit(async init => queues.Start(await init.StepAsync("operator login", operatorToken)))
            .WithClean(() => queues.DisposeAsync().AsTask())
            .WithWarmUp(warmUp)
            .WithLoad(LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), during));

    /// <summary>The answer must hold the command the menu's next stage sends, or the call went another way.</summary>
    private static async Task Expect(Task<string> answer, string command)
    {
        var commands = await answer;
        if (!commands.Contains($"\"type\":\"{command}\"", StringComparison.Ordinal))
        {
            throw new StepFailedException(EventToCommands, $"expected '{command}' in {(commands.Length > 120 ? commands[..120] + "…" : commands)}");
        }
    }
}
