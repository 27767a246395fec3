using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Telemetry;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The SQLite writer's figures as an exporter reads them from the product meter.</summary>
public sealed class GroupCommitMetricsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string? Store)> _measured = [];
    private SqliteEventLogSetup _setup = null!;

    public Task InitializeAsync()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        // Only this test's meters: other tests in the process have their own factories.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProductMeter.Name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        _setup = new SqliteEventLogSetup(meters);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _setup.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Commits_writes_and_each_commits_time_are_reported_for_the_sqlite_store()
    {
        var (log, writer) = (_setup.Log, _setup.Writer);
        for (var seq = 1; seq <= 10; seq++)
        {
            await log.AppendAsync("demo/c:one", [Event(seq)]); // one commit each
        }
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => log.AppendAsync($"demo/c:many-{i}", [Event(1)])));

        _listener.RecordObservableInstruments();

        lock (_measured)
        {
            Assert.All(_measured, measured => Assert.Equal("sqlite", measured.Store));
            Assert.Equal(writer.Commits, Last("switchboard.storage.commits"));
            Assert.Equal(writer.Writes, Last("switchboard.storage.writes"));
            Assert.Equal(writer.Restarts, Last("switchboard.storage.log.restarts"));
            var durations = _measured.Where(m => m.Instrument == "switchboard.storage.commit.duration").Select(m => m.Value).ToList();
            Assert.Equal(writer.Commits, durations.Count);
            Assert.All(durations, seconds => Assert.InRange(seconds, double.Epsilon, 60));
        }
        Assert.InRange(writer.Commits, 11, 50);
        Assert.Equal(50, writer.Writes);
    }

    private double Last(string instrument) => _measured.Last(m => m.Instrument == instrument).Value;

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? store = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "store")
            {
                store = tag.Value as string;
            }
        }
        lock (_measured)
        {
            _measured.Add((instrument.Name, value, store));
        }
    }

    private static ConversationEvent Event(long seq) => new() { Seq = seq, Type = EventTypes.Message, At = At, Text = $"m{seq}", From = Senders.Visitor };
}
