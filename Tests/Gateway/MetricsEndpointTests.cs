using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Switchboard.Domain.Telemetry;
using Switchboard.LoadTests.Monitoring;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>What Prometheus reads from a standalone gateway: Orleans' meter, the product's, the gateway's sockets and its silo's storage.</summary>
public sealed class MetricsEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_scrape_after_a_chat_shows_its_messages_assignment_sockets_and_open_conversation()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Hi!" });
        await visitor.ExpectAsync("message", f => f.Str("from") == "operator");

        var response = await Host.Http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        var scrape = await response.Content.ReadAsStringAsync();

        Assert.True(Sample(scrape, "switchboard_messages_total", "from=\"visitor\"") >= 1, "visitor messages counted");
        Assert.True(Sample(scrape, "switchboard_messages_total", "from=\"operator\"") >= 1, "operator messages counted");
        Assert.True(Sample(scrape, "switchboard_assignment_latency_seconds_count") >= 1, "the assignment is measured");
        Assert.True(Sample(scrape, "switchboard_sockets", "audience=\"visitor\"") >= 1, "the visitor's socket is open");
        Assert.True(Sample(scrape, "switchboard_sockets", "audience=\"operator\"") >= 1, "anna's socket is open");
        // The site is this test's own: its one chat is held by anna.
        Assert.Equal(1, Sample(scrape, "switchboard_conversations_active", $"site=\"{site}\""));
        // The chat's appends went through the standalone silo's SQLite group commit, each commit timed. The scrape
        // shows the writer's totals; their values are read from this host's own meters, because the test process
        // runs other gateways at the same time, whose same-named counters the exporter may show instead.
        Assert.True(Sample(scrape, "switchboard_storage_commits_total", "store=\"sqlite\"") >= 0, "the commits are exported");
        Assert.True(Sample(scrape, "switchboard_storage_writes_total", "store=\"sqlite\"") >= 0, "the writes are exported");
        Assert.True(Sample(scrape, "switchboard_storage_commit_duration_seconds_count", "store=\"sqlite\"") >= 1, "the commits are timed");
        var meters = Host.Services.GetRequiredService<IMeterFactory>();
        using var commits = new MetricCollector<long>(meters, ProductMeter.Name, "switchboard.storage.commits");
        using var writes = new MetricCollector<long>(meters, ProductMeter.Name, "switchboard.storage.writes");
        commits.RecordObservableInstruments();
        writes.RecordObservableInstruments();
        Assert.True(commits.LastMeasurement?.Value >= 1, "the commits are counted");
        Assert.True(writes.LastMeasurement?.Value >= commits.LastMeasurement?.Value, "each commit carries a write or more");
        Assert.Contains("orleans_", scrape);
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    private static double Sample(string scrape, string metric, string label = "") => PrometheusText.Sample(scrape, metric, label)
        ?? throw new Xunit.Sdk.XunitException($"No sample of {metric} with {label} in the scrape:\n{scrape}");
}
