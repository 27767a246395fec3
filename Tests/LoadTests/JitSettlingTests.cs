using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Switchboard.LoadTests.Product;
using Switchboard.LoadTests.Runner;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.LoadTests;

/// <summary>The benchmark's warm-up waits for the server's JIT: read from its real /metrics text, timed on a fake clock.</summary>
public sealed class JitSettlingTests
{
    [Fact]
    public async Task The_JIT_has_settled_once_its_compile_time_grows_by_less_than_two_percent_of_a_core()
    {
        var jitSeconds = 10.0;
        var scrapes = 0;
        var (app, address) = await LoopbackApp.StartAsync(app => app.MapGet("/metrics", () =>
        {
            scrapes++;
            return Results.Text(
                "# TYPE dotnet_jit_compilation_time_seconds_total counter\n" +
                $"dotnet_jit_compilation_time_seconds_total{{otel_scope_name=\"System.Runtime\"}} {jitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} 1733400000000\n" +
                "dotnet_jit_compiled_methods_total 1234\n");
        }));
        await using var _ = app;
        var clock = new FakeTimeProvider();
        var settling = new JitSettling(new Uri(address, "metrics"), clock);

        Assert.False(await settling.SettledAsync()); // a first reading has nothing to compare with
        clock.Advance(TimeSpan.FromSeconds(1));
        jitSeconds += 0.6;
        Assert.False(await settling.SettledAsync()); // 60 % of a core compiling
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(await settling.SettledAsync()); // too soon to tell: not read again
        Assert.Equal(2, scrapes);

        clock.Advance(TimeSpan.FromSeconds(1));
        jitSeconds += 0.01;
        Assert.True(await settling.SettledAsync()); // 0.01 s over 1.3 s
        jitSeconds += 5;
        Assert.True(await settling.SettledAsync()); // settled stays settled
        Assert.Equal(3, scrapes);
    }

    [Fact]
    public async Task A_server_without_the_figure_counts_as_settled_at_once()
    {
        var (app, address) = await LoopbackApp.StartAsync(app => app.MapGet("/metrics", () => Results.NotFound()));
        await using var _ = app;

        Assert.True(await new JitSettling(new Uri(address, "metrics"), new FakeTimeProvider()).SettledAsync());
    }

    [Fact]
    public async Task The_warm_up_runs_on_until_the_server_has_settled_and_only_what_follows_is_measured()
    {
        var answers = new Queue<bool>([false, false, true]);
        var scenario = Scenario.Create("settling", context => context.StepAsync("noop", () => Task.CompletedTask))
            .WithWarmUp(TimeSpan.FromSeconds(0.2))
            .WithSettling(() => Task.FromResult(answers.Dequeue()))
            .WithLoad(LoadSimulation.Inject(20, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));

        var run = await LoadRunner.RunAsync("settling", [scenario], [], CancellationToken.None);

        Assert.Empty(answers);
        Assert.Equal(40, run.Scenario("settling").IterationsOk);
        // Two one-second slices of the warm-up's load, as long as they took on this machine.
        var more = System.Text.RegularExpressions.Regex.Match(run.Scenario("settling").Load, @"^warm-up 0\.2s and (\d+)s more until the server's JIT settled, then ");
        Assert.True(more.Success, run.Scenario("settling").Load);
        Assert.InRange(int.Parse(more.Groups[1].Value), 2, 4);
    }
}
