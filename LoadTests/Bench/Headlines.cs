using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Bench;

/// <summary>
/// The issue's targets, each as a ratio to the same-run echo baseline where it is one. Figures, not assertions:
/// a missed target is reported as missed.
/// </summary>
public static class Headlines
{
    public const int ConcurrentVisitorsTarget = 15_000;

    public static IReadOnlyList<Headline> Compute(BenchFigures f)
    {
        var chatPerSecond = Rate(f.ChatThroughput, OperatorsAnswering.Name, Measures.DeliveryToOperator) + Rate(f.ChatThroughput, ChatExchanges.Name, Measures.DeliveryToVisitor);
        var echoPerSecond = Rate(f.EchoThroughput, f.EchoThroughput.Scenarios[0].Name, EchoRoundTrips.Step);
        var throughput = Ratio(chatPerSecond, echoPerSecond);

        var delivery = Step(f.ChatAtRate, OperatorsAnswering.Name, Measures.DeliveryToOperator);
        var echoAtRate = Step(f.EchoAtRate, f.EchoAtRate.Scenarios[0].Name, EchoRoundTrips.Step);
        var sent = Step(f.ChatAtRate, ChatMessagesAtRate.Name, "message ack");
        var p99 = Ratio(delivery?.Ms(99) ?? 0, echoAtRate?.Ms(99) ?? 0);

        var memory = Ratio(f.IdleVisitors.BytesPerSocket, f.IdleRaw.BytesPerSocket);
        var assignment = Step(f.Starts, OperatorsAnswering.Name, Measures.Assignment);
        var starts = Step(f.Starts, VisitorsChatting.Name, "start_chat ack");

        return
        [
            new("chat messages/s ÷ echo round trips/s (closed loop, same copies)",
                $"{Format.Rate(chatPerSecond)} ÷ {Format.Rate(echoPerSecond)} = {Format.Ratio(throughput)}", "≥ 0.5×", throughput >= 0.5),
            new($"p99 delivery visitor → operator ÷ echo p99 at {f.Settings.MessageRate} msgs/s",
                $"{Format.Ms(delivery?.Ms(99) ?? 0)} ms ÷ {Format.Ms(echoAtRate?.Ms(99) ?? 0)} ms = {Format.Ratio(p99)} (sent {Format.Rate(sent?.PerSecond ?? 0)}/s)",
                "≤ 2×", delivery is { Ok: > 0 } && p99 <= 2),
            new("bytes per idle visitor ÷ bytes per idle raw socket",
                $"{Format.Number(f.IdleVisitors.BytesPerSocket, "0")} B ÷ {Format.Number(f.IdleRaw.BytesPerSocket, "0")} B = {Format.Ratio(memory)}", "≤ 1.5×",
                f.IdleVisitors.Held > 0 && memory <= 1.5),
            new("concurrent visitor sockets on one gateway",
                $"{Format.Count(f.IdleVisitors.Held)} of {Format.Count(f.IdleVisitors.Wanted)} held ({f.IdleVisitors.Processes} client processes)",
                Format.Count(ConcurrentVisitorsTarget), f.IdleVisitors.Held >= ConcurrentVisitorsTarget),
            new($"assignment p99 (start_chat → operator's assigned) at {f.Settings.StartRate} starts/s",
                $"{Format.Ms(assignment?.Ms(99) ?? 0)} ms (p50 {Format.Ms(assignment?.Ms(50) ?? 0)} ms; started {Format.Rate(starts?.PerSecond ?? 0)}/s)",
                "< 10 ms", assignment is { Ok: > 0 } && assignment.Ms(99) < 10),
            new("10,000 armed invitation timers, p99 lateness", "invitations are not built yet (proactive engagement issue)", "< 1 s", null),
        ];
    }

    private static StepResult? Step(RunResult run, string scenario, string step) =>
        run.Scenarios.FirstOrDefault(s => s.Name == scenario)?.Step(step);

    private static double Rate(RunResult run, string scenario, string step) => Step(run, scenario, step)?.PerSecond ?? 0;

    private static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : 0;
}
