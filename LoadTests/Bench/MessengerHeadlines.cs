using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Bench;

/// <summary>
/// Issue 10's figures: webhook → operator delivery p99 and reply → platform send p99 at the messenger rate, each as a
/// ratio to the echo p99 at the same rate in the same run. The issue sets no target; the widget's delivery target
/// (≤ 2× echo) is the one they are held to here.
/// </summary>
public static class MessengerHeadlines
{
    private const string Target = "≤ 2× (the widget's)";

    public static IEnumerable<Headline> Compute(BenchFigures f)
    {
        var rate = f.Settings.MessengerRate;
        yield return Ratio(f, $"p99 delivery webhook → operator ÷ echo p99 at {rate} Telegram updates/s", OperatorsAnswering.Name, Measures.DeliveryToOperator);
        yield return Ratio(f, $"p99 reply → platform sendMessage ÷ echo p99 at {rate} Telegram updates/s", MessengerUpdates.Name, TelegramUsers.ReplyToPlatform);
    }

    private static Headline Ratio(BenchFigures f, string figure, string scenario, string step)
    {
        if (f.Messenger is not { } messenger || f.EchoAtMessengerRate is not { } echo)
        {
            return new(figure, "not run (left out with --only)", Target, null);
        }
        var measured = messenger.Scenarios.FirstOrDefault(s => s.Name == scenario)?.Step(step);
        var echoP99 = echo.Scenarios[0].Step(EchoRoundTrips.Step)?.Ms(99) ?? 0;
        var pushed = messenger.Scenarios.FirstOrDefault(s => s.Name == MessengerUpdates.Name)?.Step(MessengerUpdates.Webhook);
        var p99 = measured?.Ms(99) ?? 0;
        var ratio = echoP99 > 0 ? p99 / echoP99 : 0;
        return new(figure, $"{Format.Ms(p99)} ms ÷ {Format.Ms(echoP99)} ms = {Format.Ratio(ratio)} (p50 {Format.Ms(measured?.Ms(50) ?? 0)} ms; " +
            $"{Format.Count(measured?.Ok ?? 0)} measured; updates taken {Format.Rate(pushed?.PerSecond ?? 0)}/s, {Format.Count(pushed?.Failed ?? 0)} refused)",
            Target, measured is { Ok: > 0 } && ratio <= 2);
    }
}
