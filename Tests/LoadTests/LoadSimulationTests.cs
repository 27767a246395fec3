using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Switchboard.LoadTests.Runner;

namespace Switchboard.Tests.LoadTests;

/// <summary>
/// The runner's load shapes, with a scenario that does no I/O: what starts, how many at once, what counts. The
/// runner's schedule runs on a fake clock the tests move, so a starved machine cannot end a phase before its work ran.
/// </summary>
public sealed class LoadSimulationTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Inject_starts_the_rate_times_the_duration_and_warm_up_iterations_are_not_counted()
    {
        var scenario = Scenario.Create("inject", context => context.StepAsync("noop", () => Task.CompletedTask))
            .WithWarmUp(TimeSpan.FromSeconds(0.3))
            .WithLoad(LoadSimulation.Inject(20, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));

        var run = await DriveAsync(LoadRunner.RunAsync("inject", [scenario], [], CancellationToken.None, time: _time));

        Assert.Equal(40, run.Scenario("inject").IterationsOk);
        Assert.Equal(40, run.Scenario("inject").Step("noop")?.Ok);
    }

    [Fact]
    public async Task Keep_constant_never_runs_more_copies_than_asked_and_a_ramp_reaches_its_target()
    {
        var running = 0;
        var most = 0;
        var started = 0;
        var copies = new HashSet<int>();
        var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var looped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scenario = Scenario.Create("constant", async context =>
            {
                lock (copies)
                {
                    copies.Add(context.Copy);
                    most = Math.Max(most, ++running);
                    if (running == 3)
                    {
                        allIn.TrySetResult();
                    }
                    if (++started > 3)
                    {
                        looped.TrySetResult();
                    }
                }
                await gate.Task;
                await Task.Yield();
                lock (copies)
                {
                    running--;
                }
            })
            .WithLoad(LoadSimulation.RampingConstant(3, TimeSpan.FromSeconds(0.3)), LoadSimulation.KeepConstant(3, TimeSpan.FromSeconds(0.3)));

        var load = LoadRunner.RunAsync("constant", [scenario], [], CancellationToken.None, time: _time);
        // The ramp's last tick asks for the third copy; the clock stays there until the three are in at once, held
        // there by the gate, and until a copy has started its next iteration after the gate opened.
        await AdvanceAsync(TimeSpan.FromMilliseconds(310));
        await allIn.Task.WaitAsync(Patience);
        gate.SetResult();
        await looped.Task.WaitAsync(Patience);
        var run = await DriveAsync(load);

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

        var run = await DriveAsync(LoadRunner.RunAsync("failing", [scenario], [], CancellationToken.None, time: _time));

        var failing = run.Scenario("failing");
        Assert.Equal(5, failing.IterationsFailed);
        Assert.Equal(0, after);
        Assert.Equal(5, failing.Step("broken")?.Errors["InvalidOperationException: no such thing"]);
    }

    /// <summary>Moves the runner's clock a tick at a time until the run ends (each tick lets the runner's loop take a turn).</summary>
    private async Task<RunResult> DriveAsync(Task<RunResult> run)
    {
        var started = Stopwatch.GetTimestamp();
        while (!run.IsCompleted)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < Patience, "the run did not end on its clock");
            _time.Advance(Tick);
            await Task.Yield();
        }
        return await run;
    }

    private async Task AdvanceAsync(TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += Tick)
        {
            _time.Advance(Tick);
            await Task.Yield();
        }
    }
}
