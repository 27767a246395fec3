using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Switchboard.Domain.Telemetry;

namespace Switchboard.Grains.Telemetry;

/// <summary>
/// The product's own instruments, on the <see cref="MeterName"/> meter beside Orleans' <c>Microsoft.Orleans</c>:
/// what a contact centre's operations team watches (docs/monitoring.md, "Metrics"). Each silo reports the grains it
/// hosts, so a sum over silos is the cluster's figure. Recording is allocation-free on the message path.
/// </summary>
public sealed class SwitchboardMetrics
{
    public const string MeterName = ProductMeter.Name;

    /// <summary>Seconds, from a tenth of a second to ten minutes: answers within seconds and waits of minutes both resolve.</summary>
    private static readonly double[] SecondsBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600];

    private readonly Counter<long> _messages;
    private readonly Histogram<double> _assignmentLatency;
    private readonly Histogram<double> _timerLateness;
    private readonly ConcurrentDictionary<string, SiteFigure> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SiteFigure> _assigned = new(StringComparer.Ordinal);

    public SwitchboardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messages = meter.CreateCounter<long>("switchboard.messages", "{message}",
            "Messages stored in conversations, by sender: visitor, operator or system.");
        _assignmentLatency = meter.CreateHistogram<double>("switchboard.assignment.latency", "s",
            "From a conversation joining a queue to an operator getting it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _timerLateness = meter.CreateHistogram<double>("switchboard.timer.lateness", "s",
            "How long after its due time a timer ran: conversation deadlines (hold, no-answer, inactivity) and invitations.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        meter.CreateObservableGauge("switchboard.queue.waiting", () => PerQueue(_waiting), "{conversation}",
            "Conversations waiting in each queue.");
        meter.CreateObservableGauge("switchboard.conversations.active", ActivePerSite, "{conversation}",
            "Open conversations per site: waiting in a queue or held by an operator.");
    }

    public void MessageStored(string sender) => _messages.Add(1, new KeyValuePair<string, object?>("from", sender));

    public void Assigned(TimeSpan sinceQueued) => _assignmentLatency.Record(Math.Max(0, sinceQueued.TotalSeconds));

    public void TimerFired(string timer, TimeSpan late) =>
        _timerLateness.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("timer", timer));

    /// <summary>A queue grain's waiting count; <paramref name="grainKey"/> identifies it among this silo's queues.</summary>
    public void Waiting(string grainKey, string site, string queue, int count) => _waiting[grainKey] = new SiteFigure(site, queue, count);

    /// <summary>An operator grain's current conversations (reservations included).</summary>
    public void Holding(string grainKey, string site, int count) => _assigned[grainKey] = new SiteFigure(site, null, count);

    /// <summary>The grain left this silo: its figures now come from wherever it activates next.</summary>
    public void Forget(string grainKey)
    {
        _waiting.TryRemove(grainKey, out _);
        _assigned.TryRemove(grainKey, out _);
    }

    private static IEnumerable<Measurement<int>> PerQueue(ConcurrentDictionary<string, SiteFigure> figures) =>
        figures.Values.Select(f => new Measurement<int>(f.Count,
            new KeyValuePair<string, object?>("site", f.Site), new KeyValuePair<string, object?>("queue", f.Queue)));

    private IEnumerable<Measurement<int>> ActivePerSite() =>
        _waiting.Values.Concat(_assigned.Values)
            .GroupBy(f => f.Site, StringComparer.Ordinal)
            .Select(site => new Measurement<int>(site.Sum(f => f.Count), new KeyValuePair<string, object?>("site", site.Key)));

    private sealed record SiteFigure(string Site, string? Queue, int Count);
}
