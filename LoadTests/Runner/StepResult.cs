using HdrHistogram;

namespace Switchboard.LoadTests.Runner;

/// <summary>A step's figures at the end of a run. Latencies are in microseconds in <see cref="Latency"/>, milliseconds in the accessors.</summary>
public sealed record StepResult(
    string Name,
    long Ok,
    long Failed,
    TimeSpan Measured,
    HistogramBase Latency,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyList<SecondPoint> Series)
{
    public double PerSecond => Measured > TimeSpan.Zero ? Ok / Measured.TotalSeconds : 0;

    public double Ms(double percentile) => Ok == 0 ? 0 : Latency.GetValueAtPercentile(percentile) / 1000.0;

    public double MeanMs => Ok == 0 ? 0 : Latency.GetMean() / 1000.0;

    public double MaxMs => Ok == 0 ? 0 : Latency.GetMaxValue() / 1000.0;

    /// <summary>Figures from several load-client processes as one step: histograms add exactly.</summary>
    public static StepResult Merge(IReadOnlyList<StepResult> parts)
    {
        var latency = parts[0].Latency.Copy();
        foreach (var part in parts.Skip(1))
        {
            latency.Add(part.Latency);
        }
        var errors = parts.SelectMany(p => p.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        var series = parts.SelectMany(p => p.Series).GroupBy(p => p.Second)
            .Select(g => new SecondPoint(g.Key, g.Sum(p => p.Ok), g.Sum(p => p.Failed), g.Max(p => p.P50Micros), g.Max(p => p.P99Micros)))
            .OrderBy(p => p.Second).ToList();
        return new StepResult(parts[0].Name, parts.Sum(p => p.Ok), parts.Sum(p => p.Failed), parts.Max(p => p.Measured), latency, errors, series);
    }
}
