using Switchboard.LoadTests.Cli;

namespace Switchboard.Tests.LoadTests;

/// <summary>The load tests' command line takes what docs/benchmarks.md and the benchmark's own hold processes pass.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Bench_takes_quick_only_and_out_in_either_spelling()
    {
        var parse = LoadTestsCommandLine.Build().Parse(["bench", "--quick", "--only=idle,latency", "--out", "reports/x"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("bench", parse.CommandResult.Command.Name);
        Assert.True(parse.GetValue<bool>("--quick"));
        Assert.Equal("idle,latency", parse.GetValue<string?>("--only"));
        Assert.Equal("reports/x", parse.GetValue<string?>("--out"));
    }

    [Fact]
    public void Run_keeps_its_defaults_and_needs_a_target()
    {
        var parse = LoadTestsCommandLine.Build().Parse(["run", "--target", "http://127.0.0.1:5080", "--server-pid", "42"]);
        var missing = LoadTestsCommandLine.Build().Parse(["run"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(("demo", "demo", "chat", 5, 5.0, 30.0, 42), (parse.GetValue<string>("--site"), parse.GetValue<string>("--password"),
            parse.GetValue<string>("--profile"), parse.GetValue<int>("--rate"), parse.GetValue<double>("--warmup"),
            parse.GetValue<double>("--duration"), parse.GetValue<int?>("--server-pid")));
        Assert.Contains(missing.Errors, e => e.Message.Contains("--target", StringComparison.Ordinal));
    }

    [Fact]
    public void Hold_takes_the_arguments_the_benchmark_starts_it_with_and_refuses_an_unknown_kind()
    {
        var parse = LoadTestsCommandLine.Build().Parse(
            ["hold", "--target", "http://127.0.0.1:5080", "--kind", "invited", "--count", "5000", "--ramp", "12.5", "--result", "r.json", "--title", "t", "--site", "demo"]);
        var unknown = LoadTestsCommandLine.Build().Parse(["hold", "--target", "http://x", "--result", "r", "--kind", "bogus"]);

        Assert.Empty(parse.Errors);
        Assert.Equal((5000, 12.5, "invited"), (parse.GetValue<int>("--count"), parse.GetValue<double>("--ramp"), parse.GetValue<string>("--kind")));
        Assert.NotEmpty(unknown.Errors);
    }

    [Fact]
    public async Task Help_answers_and_no_command_fails_with_the_help()
    {
        Assert.Equal(0, await LoadTestsCommandLine.Build().Parse(["--help"]).InvokeAsync());
        Assert.Equal(2, await LoadTestsCommandLine.Build().Parse([]).InvokeAsync());
    }
}
