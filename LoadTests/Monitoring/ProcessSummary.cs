namespace Switchboard.LoadTests.Monitoring;

/// <summary>What a watched process did during a run. CPU is in percent of one core (200 % is both of two cores).</summary>
public sealed record ProcessSummary(string Name, int Pid, IReadOnlyList<ProcessSample> Samples)
{
    public double MeanCpuPercent => Samples.Count == 0 ? 0 : Samples.Average(s => s.CpuPercent);

    public double MaxCpuPercent => Samples.Count == 0 ? 0 : Samples.Max(s => s.CpuPercent);

    public long StartRssBytes => Samples.Count == 0 ? 0 : Samples[0].RssBytes;

    public long EndRssBytes => Samples.Count == 0 ? 0 : Samples[^1].RssBytes;

    public long PeakRssBytes => Samples.Count == 0 ? 0 : Samples.Max(s => s.RssBytes);
}
