namespace Switchboard.LoadTests.Runner;

/// <summary>One second of a step: completions, failures and latency percentiles in microseconds.</summary>
public sealed record SecondPoint(int Second, long Ok, long Failed, long P50Micros, long P99Micros);
