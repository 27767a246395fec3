namespace Switchboard.LoadTests.Runner;

/// <summary>
/// A named script run over and over under a load: each run is an iteration made of steps. Scenarios only
/// describe the work; the runner decides when iterations start, so a scenario could move onto NBomber unchanged.
/// </summary>
public sealed record Scenario(string Name, Func<ScenarioContext, Task> Run)
{
    /// <summary>Runs once before any load: opens pools, signs in. Its steps are reported apart and never reset.</summary>
    public Func<ScenarioContext, Task>? Init { get; init; }

    /// <summary>Runs once after the load, whatever happened.</summary>
    public Func<Task>? Clean { get; init; }

    /// <summary>Load before measuring: the first simulation runs this long, then the statistics start afresh.</summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>
    /// Asked after the warm-up and then every second: the warm-up goes on (the first simulation's load, a second at a
    /// time, for at most <see cref="MaxSettle"/> more) until it answers true, when the server has settled.
    /// </summary>
    public Func<Task<bool>>? Settled { get; init; }

    public static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(30);

    public IReadOnlyList<LoadSimulation> Load { get; init; } = [];

    /// <summary>A supporting cast (operators at their desks): its load runs on until every other scenario has ended.</summary>
    public bool Background { get; init; }

    /// <summary>How long an iteration may go on after its scenario's load ended before it is cancelled.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(10);

    public static Scenario Create(string name, Func<ScenarioContext, Task> run) => new(name, run);

    public Scenario WithInit(Func<ScenarioContext, Task> init) => this with { Init = init };

    public Scenario WithClean(Func<Task> clean) => this with { Clean = clean };

    public Scenario WithWarmUp(TimeSpan warmUp) => this with { WarmUp = warmUp };

    public Scenario WithSettling(Func<Task<bool>> settled) => this with { Settled = settled };

    public Scenario WithLoad(params LoadSimulation[] load) => this with { Load = load };

    public Scenario AsBackground() => this with { Background = true };

    public TimeSpan Duration => Load.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.During);
}
