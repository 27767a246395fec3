using Switchboard.LoadTests.Runner;

namespace Switchboard.Tests.LoadTests;

/// <summary>The runner's load shapes, with a scenario that does no I/O: what starts, how many at once, what counts.</summary>
public sealed class LoadSimulationTests
{
    [Fact]
    public async Task Inject_starts_the_rate_times_the_duration_and_warm_up_iterations_are_not_counted()
    {
        var scenario = Scenario.Create("inject", context => context.StepAsync("noop", () => Task.CompletedTask))
            .WithWarmUp(TimeSpan.FromSeconds(0.3))
            .WithLoad(LoadSimulation.Inject(20, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));

        var run = await LoadRunner.RunAsync("inject", [scenario], [], CancellationToken.None);

        Assert.Equal(40, run.Scenario("inject").IterationsOk);
        Assert.Equal(40, run.Scenario("inject").Step("noop")?.Ok);
    }

    [Fact]
    public async Task Keep_constant_never_runs_more_copies_than_asked_and_a_ramp_reaches_its_target()
    {
        var running = 0;
        var most = 0;
        var copies = new HashSet<int>();
        var scenario = Scenario.Create("constant", async context =>
            {
                lock (copies)
                {
                    copies.Add(context.Copy);
                    most = Math.Max(most, ++running);
                }
                await Task.Yield();
                lock (copies)
                {
                    running--;
                }
            })
            .WithLoad(LoadSimulation.RampingConstant(3, TimeSpan.FromSeconds(0.3)), LoadSimulation.KeepConstant(3, TimeSpan.FromSeconds(0.3)));

        var run = await LoadRunner.RunAsync("constant", [scenario], [], CancellationToken.None);

        Assert.Equal(3, most);
        Assert.Equal([0, 1, 2], copies.Order());
        Assert.True(run.Scenario("constant").IterationsOk > 3);
    }

    [Fact]
    public async Task A_failed_step_is_counted_with_its_reason_and_ends_the_iteration()
    {
        var after = 0;
        var scenario = Scenario.Create("failing", async context =>
            {
                await context.StepAsync("broken", () => throw new InvalidOperationException("no such thing"));
                after++;
            })
            .WithLoad(LoadSimulation.Inject(5, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5)));

        var run = await LoadRunner.RunAsync("failing", [scenario], [], CancellationToken.None);

        var failing = run.Scenario("failing");
        Assert.Equal(5, failing.IterationsFailed);
        Assert.Equal(0, after);
        Assert.Equal(5, failing.Step("broken")?.Errors["InvalidOperationException: no such thing"]);
    }
}
