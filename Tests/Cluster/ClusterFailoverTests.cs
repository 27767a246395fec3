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
[Collection(DatabaseServers.Name)]
public sealed class ClusterFailoverTests(DatabaseServers servers, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How long a conversation may refuse messages after a node dies (membership tuned as in <see cref="ClusterNodes"/>).</summary>
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(30);

    /// <summary>Between retries of a refused send, as the widget and console pace theirs.</summary>
    private static readonly TimeSpan RetryPace = TimeSpan.FromMilliseconds(250);

    private static readonly string[] EventTypeNames =
        [EventTypes.Started, EventTypes.Assigned, EventTypes.Unassigned, EventTypes.Message, EventTypes.Closed, EventTypes.Rated];

    private readonly Dictionary<string, long> _acknowledged = new(StringComparer.Ordinal);
    private int _refusals;
    private ClusterNodes _nodes = null!;
    private SiloNode[] _silos = [];
    private GatewayNode _gatewayA = null!;
    private GatewayNode _gatewayB = null!;
    private ObserverClient _observer = null!;

    public async Task InitializeAsync()
    {
        _nodes = new ClusterNodes(servers, await servers.Postgres.CreateDatabaseAsync("failover"));
        _silos = await Task.WhenAll(_nodes.StartSiloAsync("silo1"), _nodes.StartSiloAsync("silo2"));
        var gateways = await Task.WhenAll(_nodes.StartGatewayAsync("gatewayA"), _nodes.StartGatewayAsync("gatewayB"));
        (_gatewayA, _gatewayB) = (gateways[0], gateways[1]);
        _observer = await ObserverClient.ConnectAsync(_nodes);
    }

    public async Task DisposeAsync()
    {
        if (_observer is not null)
        {
            await _observer.DisposeAsync();
        }
        _gatewayA?.Dispose();
        _gatewayB?.Dispose();
        await _nodes.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_across_two_gateways_survives_a_silo_and_a_gateway_dying_with_nothing_acknowledged_lost()
    {
        // The operator signs in through gateway A and works on gateway B: one key ring for every gateway.
        var token = await _gatewayA.LoginAsync("demo", "anna", ClusterNodes.DemoPassword);
        await using var console = await _gatewayB.OperatorSocketAsync(token);
        await console.SendAsync(new { type = "hello" });
        await console.ExpectAsync("welcome");
        await console.SendAsync(new { type = "status", status = "online" });
        await console.ExpectAsync("status", f => f.Str("status") == "online");

        var visitor = await _gatewayA.VisitorSocketAsync("demo");
        await visitor.SendAsync(new { type = "hello" });
        var visitorToken = (await visitor.ExpectAsync("welcome")).Str("visitorToken");
        var started = await SendUntilAckedAsync(visitor, new { type = "start_chat", id = "v-start", text = "Здравствуйте! Есть размер M? 👗" }, "v-start");
        var conversationId = started.Str("conversationId");
        var assigned = await console.SeenAsync(
            f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId,
            "the chat assigned to anna", Waits.Signal);

        await ExchangeAsync(visitor, console, conversationId, "before");

        var conversation = _observer.Client.GetGrain<IConversationGrain>(GrainKeys.Conversation("demo", conversationId));
        var host = await _observer.SiloPortOfAsync(conversation);
        await _silos.Single(s => s.SiloPort == host).Process.KillAsync();
        var outage = Stopwatch.StartNew();

        await ExchangeAsync(visitor, console, conversationId, "after-silo");
        output.WriteLine($"Killed the silo on port {host}: the conversation took messages both ways again after {outage.Elapsed.TotalSeconds:F1} s ({_refusals} refused sends retried).");

        // Gateway A dies with the visitor's socket; anna writes meanwhile; the visitor comes back through B.
        var lastSeen = LastSeq(visitor, conversationId);
        await _gatewayA.Process.KillAsync();
        outage.Restart();
        await SendUntilAckedAsync(console, new { type = "message", conversationId, id = "o-while-away", text = "Вы ещё здесь?" }, "o-while-away");
        await using var resumed = await _gatewayB.VisitorSocketAsync("demo");
        await resumed.SendAsync(new { type = "hello", visitorToken, resume = new { conversationId, lastSeq = lastSeen } });
        await resumed.ExpectAsync("welcome");
        await resumed.SeenAsync(IsMessage(conversationId, "o-while-away"), "the message sent while away", Waits.Signal);
        output.WriteLine($"Killed gateway A: the visitor resumed on gateway B from seq {lastSeen} after {outage.Elapsed.TotalSeconds:F1} s.");

        await ExchangeAsync(resumed, console, conversationId, "after-gateway");

        var log = await TranscriptAsync(token, conversationId);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(s => (long)s), log.Select(e => e.Seq()));
        foreach (var (clientId, seq) in _acknowledged)
        {
            var stored = Assert.Single(log, e => e.TryGetProperty("id", out var id) && id.GetString() == clientId);
            Assert.Equal(seq, stored.Seq());
        }
        // Each socket saw its stretch of the conversation in order, without a gap or a repeat.
        AssertGapFree(visitor, conversationId, fromSeq: 1);
        AssertGapFree(resumed, conversationId, fromSeq: lastSeen + 1);
        AssertGapFree(console, conversationId, fromSeq: assigned.GetProperty("transcript").EnumerateArray().Last().Seq() + 1);
        Assert.Equal(log.Last().Seq(), LastSeq(resumed, conversationId));
        Assert.Equal(log.Last().Seq(), LastSeq(console, conversationId));
        await visitor.DisposeAsync();
    }

    /// <summary>The operator writes and the visitor sees it; the visitor writes and the operator sees it.</summary>
    private async Task ExchangeAsync(TestSocket visitor, TestSocket console, string conversationId, string round)
    {
        var fromOperator = $"o-{round}";
        await SendUntilAckedAsync(console, new { type = "message", conversationId, id = fromOperator, text = $"Да, есть ({round})" }, fromOperator);
        await visitor.SeenAsync(IsMessage(conversationId, fromOperator), $"the operator's '{round}' message", Failover);

        var fromVisitor = $"v-{round}";
        await SendUntilAckedAsync(visitor, new { type = "message", id = fromVisitor, text = $"Спасибо! 🙏 ({round})" }, fromVisitor);
        await console.SeenAsync(IsMessage(conversationId, fromVisitor), $"the visitor's '{round}' message", Failover);
    }

    /// <summary>Sends, and while the cluster answers <c>unavailable</c> sends again with the same client id.</summary>
    private async Task<JsonElement> SendUntilAckedAsync(TestSocket socket, object frame, string clientId)
    {
        var deadline = DateTime.UtcNow + Failover;
        while (true)
        {
            var from = socket.Received.Count;
            await socket.SendAsync(frame);
            var reply = await socket.SeenAsync(
                f => f.Str("type") is "ack" or "error" && f.TryGetProperty("id", out var id) && id.GetString() == clientId,
                $"an ack for '{clientId}'", Failover, from);
            if (reply.Str("type") == "ack")
            {
                Assert.True(_acknowledged.TryAdd(clientId, reply.Seq()) || _acknowledged[clientId] == reply.Seq(),
                    $"'{clientId}' was acknowledged with two different seqs");
                return reply;
            }
            _refusals++;
            if (reply.Str("code") != ErrorCodes.Unavailable || DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"'{clientId}' was refused: {reply.GetRawText()}");
            }
            await Task.Delay(RetryPace);
        }
    }

    private async Task<List<JsonElement>> TranscriptAsync(string token, string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/demo/conversations/{conversationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _gatewayB.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("events").EnumerateArray()];
    }

    private static Func<JsonElement, bool> IsMessage(string conversationId, string clientId) => f =>
        f.Str("type") == EventTypes.Message && f.Str("conversationId") == conversationId
        && f.TryGetProperty("id", out var id) && id.GetString() == clientId;

    private static List<long> EventSeqs(TestSocket socket, string conversationId) =>
        [.. socket.Received
            .Where(f => EventTypeNames.Contains(f.Str("type")) && !f.TryGetProperty("transcript", out _)
                && f.TryGetProperty("conversationId", out var c) && c.GetString() == conversationId && f.TryGetProperty("seq", out _))
            .Select(f => f.Seq())];

    private static long LastSeq(TestSocket socket, string conversationId) => EventSeqs(socket, conversationId).DefaultIfEmpty(0).Max();

    private static void AssertGapFree(TestSocket socket, string conversationId, long fromSeq)
    {
        var seqs = EventSeqs(socket, conversationId);
        Assert.Equal(Enumerable.Range((int)fromSeq, seqs.Count).Select(s => (long)s), seqs);
    }
}
