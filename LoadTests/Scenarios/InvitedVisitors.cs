using System.Diagnostics;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Visitors with armed invitation timers: each connects, says hello, reports a page view on a product page at a
/// recorded instant T and waits for the <c>invite</c> the site's dwell rule (<see cref="DwellSeconds"/> on a
/// <c>/product/</c> page) owes it. Lateness is the invite's arrival (taken on the socket's receive loop, when the
/// frame is matched) minus (T + dwell), so it includes both socket hops. Each copy then holds its socket until
/// the load ends, so every timer is armed while all the other visitors are connected.
/// </summary>
public static class InvitedVisitors
{
    public const string Name = "invited visitors";
    public const string Lateness = "invitation lateness (invite − page − dwell)";
    public const string RuleId = "dwell";
    public const int DwellSeconds = 30;

    /// <summary>How long past its due instant an invite may come before it counts as missing.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public static Scenario Create(Target target, string site, int count, TimeSpan ramp, TimeSpan hold, TimeSpan dwell, Action settled) =>
        Scenario.Create(Name, async context =>
            {
                await using var visitor = await context.StepAsync("connect", () => VisitorClient.ConnectAsync(target, site, context.StopToken));
                await context.StepAsync("hello", visitor.HelloAsync);
                long arrived = 0;
                var invite = visitor.ExpectInvite(_ => Volatile.Write(ref arrived, Stopwatch.GetTimestamp()), dwell + Grace);
                var sent = Stopwatch.GetTimestamp();
                await context.StepAsync("page sent", () => visitor.PageAsync($"/product/item-{context.Invocation}", "Item " + context.Invocation));
                try
                {
                    await invite;
                    context.Measure(Lateness, Stopwatch.GetElapsedTime(sent, Volatile.Read(ref arrived)) - dwell);
                }
                catch (Exception error) when (error is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                {
                    context.Fail(Lateness, ScenarioContext.Reason(error));
                }
                settled();
                await context.WaitForStopAsync();
            })
            .WithLoad(LoadSimulation.RampingConstant(count, ramp), LoadSimulation.KeepConstant(count, hold));
}
