using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Echo;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.LoadTests;

/// <summary>
/// A few seconds of the load runner against the real gateway and the echo baseline, so the scenarios keep
/// speaking the protocol as it changes. Tiny loads: the figures here mean nothing, the counts do.
/// </summary>
public sealed class RunnerSmokeTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Visitors_chat_with_scripted_operators_and_the_report_has_counts_and_no_failures()
    {
        var site = await TestSites.CreateAsync(gateway.Host.Grains, ("ann", 4, ["general"]), ("bob", 4, ["general"]));
        var target = new Target(gateway.Host.BaseAddress);
        await using var desk = new OperatorDesk(target, site, ["ann", "bob"], TestSites.Password);

        var run = await LoadRunner.RunAsync("smoke", [
            OperatorsAnswering.Create(desk, OperatorScript.Attentive),
            VisitorsChatting.Create(target, site, ChatShape.Short).WithLoad(LoadSimulation.Inject(4, TimeSpan.FromSeconds(1), Short)),
        ], [WatchedProcess.Self("test host")], CancellationToken.None);

        // 4 a second for 1.5 s: six chats, each greeted and answered once.
        Assert.Equal(0, run.Failures);
        var visitors = run.Scenario(VisitorsChatting.Name);
        Assert.Equal(6, visitors.IterationsOk);
        Assert.All(new[] { "hello", "start_chat ack", "wait for operator", "greeting", "message ack", "operator reply", "rate", "close" },
            step => Assert.Equal(6, visitors.Step(step)?.Ok));
        Assert.Equal(12, visitors.Step(Measures.DeliveryToVisitor)?.Ok);
        var operators = run.Scenario(OperatorsAnswering.Name);
        Assert.Equal(6, operators.Step(Measures.Assignment)?.Ok);
        Assert.Equal(6, operators.Step(Measures.DeliveryToOperator)?.Ok);

        using var reports = new TempDirectory();
        await ReportWriter.WriteAsync(new Report("smoke", DateTimeOffset.UtcNow, [], [], [run], []), reports.Path);
        Assert.Contains("| start_chat ack | 6 | 0 |", await File.ReadAllTextAsync(Path.Combine(reports.Path, "report.md")));
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(reports.Path, "report.html")));
        Assert.Contains("\"visitors chatting\",\"close\",load,6,0,", await File.ReadAllTextAsync(Path.Combine(reports.Path, "report.csv")));
    }

    [Fact]
    public async Task Chat_starts_cycle_start_assign_close_across_queues_and_give_every_seat_back()
    {
        // Back-to-back starts from one visitor are what the shipped per-visitor limit refuses: this host gets the load
        // benchmarks' one-address limits, as the scale benchmark's nodes do.
        using var data = new TempDirectory();
        await using var host = new GatewayHost(data.Path, OneAddress.Limits.ToDictionary(
            limit => limit[2..limit.IndexOf('=')], limit => limit[(limit.IndexOf('=') + 1)..]));
        var site = await TestSites.CreateAsync(host.Grains, ("ann", 2, ["general", "stylist"]), ("bob", 2, ["general", "stylist"]));
        var target = new Target(host.BaseAddress);
        await using var desk = new OperatorDesk([target, target], site, ["ann", "bob"], TestSites.Password);

        // Four visitors, two per queue, against four seats: each chat must be closed for the next to be assigned.
        var run = await LoadRunner.RunAsync("starts smoke", [
            OperatorsAnswering.Create(desk, new OperatorScript(Greet: false, ReplyEvery: 1, TimeSpan.Zero)),
            ChatStarts.Create([target], site, ["general", "stylist"], copies: 4, TimeSpan.Zero, Short),
        ], [WatchedProcess.Self("test host")], CancellationToken.None);

        var errors = run.Scenarios.SelectMany(s => s.Steps.Concat(s.InitSteps)).SelectMany(s => s.Errors.Select(e => $"{s.Name}: {e.Key} ×{e.Value}"));
        Assert.True(run.Failures == 0, "failures: " + string.Join("; ", errors));
        var starts = run.Scenario(ChatStarts.Name);
        Assert.True(starts.IterationsOk >= 4, $"only {starts.IterationsOk} chats were started and closed");
        Assert.All(new[] { "start_chat ack", "wait for operator", "close" }, step => Assert.Equal(starts.IterationsOk, starts.Step(step)?.Ok));
        // Each chat's "assigned" reaches the operator with the queue's one-way Confirm; a chat this short can be served
        // and closed before it arrives on a starved machine, and a Confirm later than the close tells the consoles
        // nothing (routing.md, "A late confirmation"), so one or two may go unmeasured, never more than were started.
        Assert.InRange(run.Scenario(OperatorsAnswering.Name).Step(Measures.Assignment)?.Ok ?? 0, starts.IterationsOk - 2, starts.IterationsOk);
    }

    [Fact]
    public async Task The_echo_baseline_bounces_frames_through_the_same_runner()
    {
        await using var echo = await EchoServer.StartAsync("http://127.0.0.1:0");
        var pool = new EchoPool(Target.Parse(EchoServer.Address(echo)), 2);

        var run = await LoadRunner.RunAsync("echo smoke", [
            EchoRoundTrips.Create("echo", pool, TimeSpan.Zero, LoadSimulation.KeepConstant(2, Short)),
        ], [], CancellationToken.None);

        Assert.Equal(0, run.Failures);
        Assert.True(run.Scenario("echo").Step(EchoRoundTrips.Step)?.Ok > 10, "the echo server answered no round trips");
    }
}
