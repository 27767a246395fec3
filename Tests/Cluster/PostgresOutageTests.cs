using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// PostgreSQL goes away and comes back under a running cluster (on a server of this test's own, so the other
/// cluster tests keep theirs): sends fail clearly meanwhile, readiness says so, and afterwards the same sends
/// go through once with nothing acknowledged lost. With every silo gone, readiness fails too.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresOutageTests(DatabaseServers servers) : IAsyncLifetime
{
    private readonly ClusterChat _chat = new();
    private PostgresServer _postgres = null!;
    private RunningCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _cluster = await RunningCluster.StartAsync(servers, _postgres);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sends_fail_clearly_while_the_database_is_down_and_nothing_acknowledged_is_lost()
    {
        var token = await _cluster.GatewayA.LoginAsync("demo", "anna", ClusterNodes.DemoPassword);
        await using var console = await ClusterChat.OnlineConsoleAsync(_cluster.GatewayB, "demo", "anna", ClusterNodes.DemoPassword);
        await using var visitor = await _cluster.GatewayA.VisitorSocketAsync("demo");
        await ClusterChat.HelloAsync(visitor, new { type = "hello" });
        var conversationId = (await _chat.SendUntilAckedAsync(visitor, new { type = "start_chat", id = "v-start", text = "Добрый день" }, "v-start")).Str("conversationId");
        await console.SeenAsync(f => f.Str("type") == "assigned" && f.Str("conversationId") == conversationId, "the chat assigned", Waits.Signal);

        await _postgres.StopAsync();

        var from = visitor.Received.Count;
        await visitor.SendAsync(new { type = "message", id = "v-during", text = "Алло?" });
        var refusal = await visitor.SeenAsync(f => f.Str("type") is "ack" or "error" && f.TryGetProperty("id", out var id) && id.GetString() == "v-during",
            "an answer to the send made while the database is down", ClusterChat.Failover, from);
        Assert.Equal(("error", ErrorCodes.Unavailable), (refusal.Str("type"), refusal.Str("code")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _cluster.GatewayA.Http.GetAsync("/health/ready")).StatusCode);

        await _postgres.RestartAsync();

        // The client retries the refused send with the same id: stored once, acknowledged once.
        await _chat.SendUntilAckedAsync(visitor, new { type = "message", id = "v-during", text = "Алло?" }, "v-during");
        await console.SeenAsync(ClusterChat.IsMessage(conversationId, "v-during"), "the retried send on the console", ClusterChat.Failover);
        await _chat.SendUntilAckedAsync(console, new { type = "message", conversationId, id = "o-after", text = "Да, слушаю" }, "o-after");
        await visitor.SeenAsync(ClusterChat.IsMessage(conversationId, "o-after"), "the operator's answer", ClusterChat.Failover);
        // Readiness comes back once the gateways' pools have replaced the connections the restart cut.
        await _cluster.GatewayA.WaitForReadinessAsync(HttpStatusCode.OK, "readiness after the database came back", ClusterChat.Failover);

        var log = await TranscriptAsync(token, conversationId);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(s => (long)s), log.Select(e => e.Seq()));
        foreach (var (clientId, seq) in _chat.Acknowledged)
        {
            Assert.Equal(seq, Assert.Single(log, e => e.TryGetProperty("id", out var id) && id.GetString() == clientId).Seq());
        }
        ClusterChat.AssertGapFree(visitor, conversationId, fromSeq: 1);

        foreach (var silo in _cluster.Silos)
        {
            await silo.Process.KillAsync();
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _cluster.GatewayB.Http.GetAsync("/health/ready")).StatusCode);
    }

    private async Task<List<JsonElement>> TranscriptAsync(string token, string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/demo/conversations/{conversationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _cluster.GatewayB.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray()];
    }
}
