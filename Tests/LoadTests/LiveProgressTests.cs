using Switchboard.LoadTests.Cli;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;

namespace Switchboard.Tests.LoadTests;

/// <summary>What a person watching a long run sees each second, and the exit code <c>bench --check</c> gives.</summary>
public sealed class LiveProgressTests
{
    [Fact]
    public void A_second_shows_the_busiest_steps_rate_all_failures_and_the_slowest_p99()
    {
        var stats = new ScenarioStats("chat at rate");
        for (var i = 0; i < 10; i++)
        {
            stats.Step("message ack").RecordOk(TimeSpan.FromMilliseconds(2));
        }
        stats.Step("delivery to operator").RecordOk(TimeSpan.FromMilliseconds(40));
        stats.Step("message ack").RecordFailure("timeout");

        var line = stats.SecondSinceStart(0);

        Assert.Equal(("chat at rate", 10L, 1L, "delivery to operator"), (line.Scenario, line.Ok, line.Failed, line.SlowestStep));
        Assert.InRange(line.P99Micros, 39_000, 41_000);
        // The per-second histograms keep two significant digits: 40 ms reads back as a little over.
        Assert.Matches(@"^chat at rate: 10/s, 1 failed, p99 40\.\d ms \(delivery to operator\)$", line.ToString());
    }

    [Fact]
    public void A_quiet_second_says_so_without_a_p99()
    {
        var stats = new ScenarioStats("idle");
        stats.Step("hello").RecordOk(TimeSpan.FromMilliseconds(1));

        Assert.Equal("idle: 0/s, 0 failed", stats.SecondSinceStart(5).ToString());
    }

    [Fact]
    public void The_runner_writes_progress_lines_while_the_load_runs()
    {
        var output = new StringWriter();
        var stats = new ScenarioStats("s");
        stats.Step("step").RecordOk(TimeSpan.FromMilliseconds(1));

        new LiveProgress([stats, new ScenarioStats("t")], output, TimeProvider.System).WriteLastSecond();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d\d:\d\d:\d\d s: \d+/s, 0 failed", lines[0]);
        Assert.Matches(@"^\d\d:\d\d:\d\d t: 0/s, 0 failed$", lines[1]);
    }

    [Fact]
    public void Check_fails_the_exit_code_only_on_a_measured_miss()
    {
        Headline met = new("a", "1", "≥ 1", true), missed = new("b", "0", "≥ 1", false), notRun = new("c", "not run", "≥ 1", null);

        Assert.Equal(0, BenchCommand.ExitCode([met, notRun], check: true));
        Assert.Equal(1, BenchCommand.ExitCode([met, missed], check: true));
        Assert.Equal(0, BenchCommand.ExitCode([met, missed], check: false));
    }
}
