using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Reports;

namespace Switchboard.LoadTests.Product;

/// <summary>
/// A server's garbage collections so far, from its <c>/metrics</c> (the runtime's own counters): how many of each
/// generation and how long they paused the process. Read before and after a part, the difference says whether a
/// tail is a few long pauses (a 20 ms gen0 pause every two seconds is a p99 at 100 chat starts a second).
/// </summary>
public sealed record GcReading(double PauseSeconds, double Gen0, double Gen1, double Gen2)
{
    private const string Collections = "dotnet_gc_collections_total";

    /// <summary>The reading in a Prometheus scrape; null when the server reports no GC figures.</summary>
    public static GcReading? From(string scrape) =>
        PrometheusText.Sample(scrape, "dotnet_gc_pause_time_seconds_total") is { } pause
            ? new GcReading(pause, Generation(scrape, "gen0"), Generation(scrape, "gen1"), Generation(scrape, "gen2"))
            : null;

    /// <summary>The server's reading now; null when it has no <c>/metrics</c> (the echo server) or does not answer.</summary>
    public static async Task<GcReading?> ReadAsync(Uri metrics) =>
        await PrometheusText.ScrapeAsync(metrics) is { } scrape ? From(scrape) : null;

    /// <summary>What happened between <paramref name="before"/> and this reading, <paramref name="elapsed"/> apart.</summary>
    public string Since(GcReading before, TimeSpan elapsed)
    {
        var (gen0, gen1, gen2) = (Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2);
        var count = gen0 + gen1 + gen2;
        var paused = (PauseSeconds - before.PauseSeconds) * 1000;
        var share = elapsed > TimeSpan.Zero ? paused / elapsed.TotalMilliseconds * 100 : 0;
        var each = count > 0 ? $", {Format.Number(paused / count, "0.0")} ms a collection" : "";
        return $"{Format.Number(count, "0")} garbage collections (gen0 {Format.Number(gen0, "0")}, gen1 {Format.Number(gen1, "0")}, gen2 {Format.Number(gen2, "0")}) paused it " +
            $"{Format.Number(paused, "0")} ms in {Format.Seconds(elapsed)} ({Format.Number(share, "0.0")} %){each}";
    }

    private static double Generation(string scrape, string generation) =>
        PrometheusText.Sample(scrape, Collections, $"gc_heap_generation=\"{generation}\"") ?? 0;
}
