using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Reports;

/// <summary>Everything one benchmark or load run reports: the set-up, the headline figures, each run's figures, notes.</summary>
public sealed record Report(
    string Title,
    DateTimeOffset At,
    IReadOnlyList<KeyValuePair<string, string>> Setup,
    IReadOnlyList<Headline> Headlines,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<string> Notes);
