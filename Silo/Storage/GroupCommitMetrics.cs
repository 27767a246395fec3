using System.Diagnostics;
using System.Diagnostics.Metrics;
using Switchboard.Domain.Telemetry;

namespace Switchboard.Silo.Storage;

/// <summary>
/// A group-commit writer's figures on the product meter, tagged by <c>store</c>: its commits, the writes they carried,
/// and how long each commit took from the batch's start to its durable end, the disk's sync included. That time is
/// the floor under every message's delivery, so it is what an IT team watches for a slow or shared disk
/// (docs/monitoring.md). The totals are observed from the writer's own counts, so an exporter that starts listening
/// late still reads them whole.
/// </summary>
public sealed class GroupCommitMetrics
{
    /// <summary>Seconds, from a quarter of a millisecond (a sync on a fast SSD) to a second (a disk in trouble).</summary>
    private static readonly double[] SecondsBuckets = [0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?> _store;

    private GroupCommitMetrics(Meter meter, string store)
    {
        _store = new KeyValuePair<string, object?>("store", store);
        _duration = meter.CreateHistogram<double>("switchboard.storage.commit.duration", "s",
            "How long a group commit took, from its batch's start to its durable end (the disk's sync included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    /// <summary>
    /// The instruments of one writer, or none without a meter factory (a writer made by hand, as in tests).
    /// <paramref name="logRestarts"/> and <paramref name="syncs"/> are SQLite's: how often its write-ahead log started
    /// again from its beginning, and how many syncs of that log made its commits durable.
    /// </summary>
    public static GroupCommitMetrics? Create(
        IMeterFactory? meters, string store, Func<long> commits, Func<long> writes, Func<long>? logRestarts = null, Func<long>? syncs = null)
    {
        if (meters is null)
        {
            return null;
        }
        var meter = meters.Create(ProductMeter.Name);
        var metrics = new GroupCommitMetrics(meter, store);
        var tag = metrics._store;
        meter.CreateObservableCounter("switchboard.storage.commits", () => new Measurement<long>(commits(), tag), "{commit}",
            "Group commits: transactions, each acknowledged once a sync made it durable.");
        meter.CreateObservableCounter("switchboard.storage.writes", () => new Measurement<long>(writes(), tag), "{write}",
            "Writes carried by the group commits (appends and state writes); divided by the commits, the batching.");
        if (logRestarts is not null)
        {
            meter.CreateObservableCounter("switchboard.storage.log.restarts", () => new Measurement<long>(logRestarts(), tag), "{restart}",
                "Times the write-ahead log started again from its beginning, so commits overwrite it instead of growing it.");
        }
        if (syncs is not null)
        {
            meter.CreateObservableCounter("switchboard.storage.syncs", () => new Measurement<long>(syncs(), tag), "{sync}",
                "Syncs of the write-ahead log, each making every commit before it durable; divided into the commits, how many shared one.");
        }
        return metrics;
    }

    /// <summary>A commit that began at <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>) is durable now.</summary>
    public void Committed(long startedAt) => _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, _store);
}
