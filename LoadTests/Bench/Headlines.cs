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

    public static IReadOnlyList<Headline> Compute(BenchFigures f) =>
    [
        Throughput(f), .. FramesCeiling(f), Delivery(f), Memory(f), Concurrency(f), Assignment(f),
        Invitations(f), .. MessengerHeadlines.Compute(f),
    ];

    private static Headline Invitations(BenchFigures f)
    {
        var figure = $"{Format.Count(f.Settings.InvitedVisitors)} armed invitation timers, p99 lateness";
        if (f.Invited is not { } invited)
        {
            return NotRun(figure, "< 1 s");
        }
        var lateness = Step(invited.Run, InvitedVisitors.Name, InvitedVisitors.Lateness);
        var arrived = lateness?.Ok ?? 0;
        return new(figure, $"{Format.Ms(lateness?.Ms(99) ?? 0)} ms (p50 {Format.Ms(lateness?.Ms(50) ?? 0)} ms, max {Format.Ms(lateness?.MaxMs ?? 0)} ms; " +
            $"{Format.Count(arrived)} invites for {Format.Count(f.Settings.InvitedVisitors)} visitors)",
            "< 1 s", arrived >= f.Settings.InvitedVisitors && lateness!.Ms(99) < 1000);
    }

    private static Headline Throughput(BenchFigures f)
    {
        const string figure = "chat messages/s ÷ echo round trips/s (closed loop, same copies)";
        if (f.ChatThroughput is not { } chat || f.EchoThroughput is not { } echo)
        {
            return NotRun(figure, "≥ 0.5×");
        }
        var chatPerSecond = ChatMessagesPerSecond(chat);
        var echoPerSecond = Rate(echo, echo.Scenarios[0].Name, EchoRoundTrips.Step);
        var ratio = Ratio(chatPerSecond, echoPerSecond);
        return new(figure, $"{Format.Rate(chatPerSecond)} ÷ {Format.Rate(echoPerSecond)} = {Format.Ratio(ratio)}", "≥ 0.5×", ratio >= 0.5);
    }

    /// <summary>
    /// What the protocol's frames alone allow: the relay answers each frame with a chat message's three and does nothing
    /// else, so relay round trips ÷ echo round trips is the best the chat's ratio could be on this machine, and the chat
    /// ÷ the relay is the share of that the product keeps.
    /// </summary>
    private static IEnumerable<Headline> FramesCeiling(BenchFigures f)
    {
        if (f.RelayThroughput is not { } relay || f.EchoThroughput is not { } echo || f.ChatThroughput is not { } chat)
        {
            yield break;
        }
        var relayPerSecond = Rate(relay, relay.Scenarios[0].Name, RelayRoundTrips.Step);
        var echoPerSecond = Rate(echo, echo.Scenarios[0].Name, EchoRoundTrips.Step);
        var chatPerSecond = ChatMessagesPerSecond(chat);
        yield return Headline.Measured("relay round trips/s ÷ echo round trips/s (a chat message's frames, nothing else: the ceiling)",
            $"{Format.Rate(relayPerSecond)} ÷ {Format.Rate(echoPerSecond)} = {Format.Ratio(Ratio(relayPerSecond, echoPerSecond))}");
        yield return Headline.Measured("chat messages/s ÷ relay round trips/s (what the product keeps of that ceiling)",
            $"{Format.Rate(chatPerSecond)} ÷ {Format.Rate(relayPerSecond)} = {Format.Ratio(Ratio(chatPerSecond, relayPerSecond))}");
    }

    private static Headline Delivery(BenchFigures f)
    {
        var figure = $"p99 delivery visitor → operator ÷ echo p99 at {f.Settings.MessageRate} msgs/s";
        if (f.ChatAtRate is not { } chat || f.EchoAtRate is not { } echo)
        {
            return NotRun(figure, "≤ 2×");
        }
        var delivery = Step(chat, OperatorsAnswering.Name, Measures.DeliveryToOperator);
        var echoP99 = Step(echo, echo.Scenarios[0].Name, EchoRoundTrips.Step)?.Ms(99) ?? 0;
        var sent = Step(chat, ChatMessagesAtRate.Name, "message ack");
        var ratio = Ratio(delivery?.Ms(99) ?? 0, echoP99);
        return new(figure, $"{Format.Ms(delivery?.Ms(99) ?? 0)} ms ÷ {Format.Ms(echoP99)} ms = {Format.Ratio(ratio)} (sent {Format.Rate(sent?.PerSecond ?? 0)}/s)",
            "≤ 2×", delivery is { Ok: > 0 } && ratio <= 2);
    }

    private static Headline Memory(BenchFigures f)
    {
        const string figure = "bytes per idle visitor ÷ bytes per idle raw socket";
        if (f.IdleVisitors is not { } visitors || f.IdleRaw is not { } raw)
        {
            return NotRun(figure, "≤ 1.5×");
        }
        var ratio = Ratio(visitors.BytesPerSocket, raw.BytesPerSocket);
        return new(figure, $"{Format.Number(visitors.BytesPerSocket, "0")} B ÷ {Format.Number(raw.BytesPerSocket, "0")} B = {Format.Ratio(ratio)}", "≤ 1.5×",
            visitors.Held > 0 && ratio <= 1.5);
    }

    private static Headline Concurrency(BenchFigures f)
    {
        const string figure = "concurrent visitor sockets on one gateway";
        return f.IdleVisitors is not { } visitors
            ? NotRun(figure, Format.Count(ConcurrentVisitorsTarget))
            : new(figure, $"{Format.Count(visitors.Held)} of {Format.Count(visitors.Wanted)} held ({visitors.Processes} client processes)",
                Format.Count(ConcurrentVisitorsTarget), visitors.Held >= ConcurrentVisitorsTarget);
    }

    private static Headline Assignment(BenchFigures f)
    {
        var figure = $"assignment p99 (start_chat → operator's assigned) at {f.Settings.StartRate} starts/s";
        if (f.Starts is not { } run)
        {
            return NotRun(figure, "< 10 ms");
        }
        var assignment = Step(run, OperatorsAnswering.Name, Measures.Assignment);
        var starts = Step(run, VisitorsChatting.Name, "start_chat ack");
        return new(figure, $"{Format.Ms(assignment?.Ms(99) ?? 0)} ms (p50 {Format.Ms(assignment?.Ms(50) ?? 0)} ms; started {Format.Rate(starts?.PerSecond ?? 0)}/s)",
            "< 10 ms", assignment is { Ok: > 0 } && assignment.Ms(99) < 10);
    }

    private static Headline NotRun(string figure, string target) => new(figure, "not run (left out with --only)", target, null);

    private static StepResult? Step(RunResult run, string scenario, string step) =>
        run.Scenarios.FirstOrDefault(s => s.Name == scenario)?.Step(step);

    /// <summary>The closed chat loop's messages both ways: each visitor message the operator got, and each reply the visitor got.</summary>
    private static double ChatMessagesPerSecond(RunResult chat) =>
        Rate(chat, OperatorsAnswering.Name, Measures.DeliveryToOperator) + Rate(chat, ChatExchanges.Name, Measures.DeliveryToVisitor);

    private static double Rate(RunResult run, string scenario, string step) => Step(run, scenario, step)?.PerSecond ?? 0;

    private static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : 0;
}
