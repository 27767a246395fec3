using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Switchboard.Grains.Telemetry;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>The product's own instruments, read from the silo's meter while the fake clock moves.</summary>
[Collection(ClusterFixture.Name)]
public sealed class MetricsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_late_hold_timer_records_its_lateness_an_assignment_its_wait_and_messages_are_counted_by_sender()
    {
        var meters = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IMeterFactory>();
        using var lateness = new MetricCollector<double>(meters, SwitchboardMetrics.MeterName, "switchboard.timer.lateness");
        using var assignments = new MetricCollector<double>(meters, SwitchboardMetrics.MeterName, "switchboard.assignment.latency");
        using var messages = new MetricCollector<long>(meters, SwitchboardMetrics.MeterName, "switchboard.messages");
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Online("anna");
        var (_, start) = await chat.StartChat("Is the blue dress in stock?");
        await chat.Assigned(start.ConversationId);

        // The first hold is due 25 s after the unanswered message; the clock jumps to 30 s, so the timer runs 5 s late.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await chat.NextHold(start.ConversationId, 0);

        Assert.Contains(lateness.GetMeasurementSnapshot(), m => m.Value == 5 && Equals(m.Tags["timer"], TimerNames.Deadline));
        // Anna was online with room: assigned the moment the chat was queued, by the fake clock.
        Assert.Contains(assignments.GetMeasurementSnapshot(), m => m.Value == 0);
        var bySender = messages.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["from"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.True(bySender.GetValueOrDefault("visitor") >= 1, "the visitor's message is counted");
        Assert.True(bySender.GetValueOrDefault("system") >= 1, "the hold message is counted");
    }
}
