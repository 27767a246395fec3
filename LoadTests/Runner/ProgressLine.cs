namespace Switchboard.LoadTests.Runner;

/// <summary>
/// One scenario's last second, for a person watching a long run: completions of its busiest step and failures of
/// all its steps in that second, and the slowest step's p99 then (with its name), or none when no step completed.
/// </summary>
public sealed record ProgressLine(string Scenario, long Ok, long Failed, string? SlowestStep, long P99Micros)
{
    public override string ToString() => SlowestStep is null
        ? $"{Scenario}: {Ok}/s, {Failed} failed"
        : $"{Scenario}: {Ok}/s, {Failed} failed, p99 {P99Micros / 1000.0:0.0} ms ({SlowestStep})";
}
