using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// The whole cluster as processes: two silos on Redis and PostgreSQL, two gateways. A visitor on gateway A
/// and an operator on gateway B chat; the silo hosting their conversation is killed, then gateway A is; the
/// conversation goes on, and nothing that was acknowledged is lost, repeated or out of order anywhere.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class ClusterFailoverTests(DatabaseServers servers, ITestOutputHelper output) : RunningClusterTests(servers)
{


    [Fact]
    public async Task A_chat_across_two_gateways_survives_a_silo_and_a_gateway_dying_with_nothing_acknowledged_lost()
    {
        // The operator signs in through gateway A and works on gateway B: one key ring for every gateway.
        var token = await Cluster.GatewayA.LoginAsync("demo", "anna", ClusterNodes.DemoPassword);
        await using var console = await ClusterChat.OnlineConsoleAsync(Cluster.GatewayB, "demo", "anna", ClusterNodes.DemoPassword);

        var visitor = await Cluster.GatewayA.VisitorSocketAsync("demo");
        var visitorToken = (await ClusterChat.HelloAsync(visitor, new { type = "hello" })).Str("visitorToken");
        var started = await Wire.SendUntilAckedAsync(visitor, new { type = "start_chat", id = "v-start", text = "Здравствуйте! Есть размер M? 👗" }, "v-start");
        var conversationId = started.Str("conversationId");
        var assigned = await console.SeenAsync(
            f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId,
            "the chat assigned to anna", Waits.Signal);

        await ExchangeAsync(visitor, console, conversationId, "before");

        var conversation = Cluster.Observer.Client.GetGrain<IConversationGrain>(GrainKeys.Conversation("demo", conversationId));
        var host = await Cluster.Observer.SiloPortOfAsync(conversation);
        await Cluster.SiloAt(host).Process.KillAsync();
        var outage = Stopwatch.StartNew();

        await ExchangeAsync(visitor, console, conversationId, "after-silo");
        output.WriteLine($"Killed the conversation's silo: messages went both ways again after {outage.Elapsed.TotalSeconds:F1} s ({Wire.Refusals} refused sends retried).");

        // Gateway A dies with the visitor's socket; anna writes meanwhile; the visitor comes back through B.
        var lastSeen = ClusterChat.LastSeq(visitor, conversationId);
        await Cluster.GatewayA.Process.KillAsync();
        outage.Restart();
        await Wire.SendUntilAckedAsync(console, new { type = "message", conversationId, id = "o-while-away", text = "Вы ещё здесь?" }, "o-while-away");
        await using var resumed = await Cluster.GatewayB.VisitorSocketAsync("demo");
        await ClusterChat.HelloAsync(resumed, new { type = "hello", visitorToken, resume = new { conversationId, lastSeq = lastSeen } });
        await resumed.SeenAsync(ClusterChat.IsMessage(conversationId, "o-while-away"), "the message sent while away", Waits.Signal);
        output.WriteLine($"Killed the visitor's gateway: the visitor resumed on the other from seq {lastSeen} after {outage.Elapsed.TotalSeconds:F1} s.");

        await ExchangeAsync(resumed, console, conversationId, "after-gateway");

        var log = await TranscriptAsync(token, conversationId);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(s => (long)s), log.Select(e => e.Seq()));
        foreach (var (clientId, seq) in Wire.Acknowledged)
        {
            var stored = Assert.Single(log, e => e.TryGetProperty("id", out var id) && id.GetString() == clientId);
            Assert.Equal(seq, stored.Seq());
        }
        // Each socket saw its stretch of the conversation in order, without a gap or a repeat, up to the end.
        var last = log.Last().Seq();
        await resumed.SeenAsync(ClusterChat.IsEvent(conversationId, last), $"event {last} on the resumed socket", Waits.Signal);
        await console.SeenAsync(ClusterChat.IsEvent(conversationId, last), $"event {last} on the console", Waits.Signal);
        ClusterChat.AssertGapFree(visitor, conversationId, fromSeq: 1);
        ClusterChat.AssertGapFree(resumed, conversationId, fromSeq: lastSeen + 1);
        ClusterChat.AssertGapFree(console, conversationId, fromSeq: assigned.GetProperty("transcript").EnumerateArray().Last().Seq() + 1);
        await visitor.DisposeAsync();

        // The surviving silo took the conversation over, and says so to Prometheus on its own port.
        using var scraper = new HttpClient();
        var survivor = Cluster.Silos.Single(s => s.SiloPort != host);
        var scrape = await scraper.GetStringAsync($"http://127.0.0.1:{survivor.MetricsPort}/metrics");
        Assert.Contains("orleans_", scrape);
        Assert.Contains("switchboard_messages_total{", scrape);
    }

    /// <summary>The operator writes and the visitor sees it; the visitor writes and the operator sees it.</summary>
    private async Task ExchangeAsync(TestSocket visitor, TestSocket console, string conversationId, string round)
    {
        var fromOperator = $"o-{round}";
        await Wire.SendUntilAckedAsync(console, new { type = "message", conversationId, id = fromOperator, text = $"Да, есть ({round})" }, fromOperator);
        await visitor.SeenAsync(ClusterChat.IsMessage(conversationId, fromOperator), $"the operator's '{round}' message", ClusterChat.Failover);

        var fromVisitor = $"v-{round}";
        await Wire.SendUntilAckedAsync(visitor, new { type = "message", id = fromVisitor, text = $"Спасибо! 🙏 ({round})" }, fromVisitor);
        await console.SeenAsync(ClusterChat.IsMessage(conversationId, fromVisitor), $"the visitor's '{round}' message", ClusterChat.Failover);
    }

    private async Task<List<JsonElement>> TranscriptAsync(string token, string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/demo/conversations/{conversationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Cluster.GatewayB.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("events").EnumerateArray()];
    }
}
