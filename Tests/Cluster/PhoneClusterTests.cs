using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Silo.Channels.Phone;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;
using Switchboard.Tests.Phone.Ari;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Calls in cluster mode, where the call grains live on silos of their own and the gateways are only clients: an
/// operator's Accept is pushed to the PBX's <c>commandUrl</c> by the silo that holds the call, and an Asterisk is driven
/// over ARI by the one gateway given its settings, with the call's grain on a silo.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PhoneClusterTests(DatabaseServers servers) : RunningClusterTests(servers)
{
    private const string Secret = "pbx-cluster-secret";

    [Fact]
    public async Task An_accept_is_pushed_to_the_pbx_by_the_silo_holding_the_call_and_an_ari_calls_accepts_and_transfer_reach_its_gateway()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync();
        await ConfigurePhoneAsync(pbxCommands.Url);
        await using var anna = await ClusterChat.OnlineConsoleAsync(Cluster.GatewayB, "demo", "anna", ClusterNodes.DemoPassword);

        var offered = await PostEventAsync(Cluster.GatewayA, "pc-1", PhoneEventTypes.Offered);
        var conversationId = (await anna.SeenAsync(IsAssigned, "the call ringing at anna's console", ClusterChat.Failover))
            .Str("conversationId");
        await AcceptAsync(anna, conversationId);
        var (body, signature) = await pbxCommands.NextAsync(ClusterChat.Failover);

        Assert.Equal(["answer", "say", "enqueue"], offered);
        var pushed = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("commands", "pc-1"), (pushed.Str("type"), pushed.Str("callId")));
        var connect = Assert.Single(pushed.GetProperty("commands").EnumerateArray().ToArray());
        Assert.Equal(("connect", "anna"), (connect.Str("type"), connect.GetProperty("operator").Str("id")));
        Assert.Equal(FakePbx.Sign(body, Secret), signature);
        Assert.Contains(await SiloOfCallAsync("pc-1"), Cluster.Silos.Select(s => s.SiloPort));

        // Anna's seat is taken by her call; Boris, online at the gateway that holds the ARI connection, gets the next.
        await using var ari = await FakeAri.StartAsync();
        using var ariGateway = await Cluster.Nodes.StartGatewayAsync("gatewayAri", AriSettings(ari));
        await ari.WaitForConnectionsAsync(1);
        await using var boris = await ClusterChat.OnlineConsoleAsync(ariGateway, "demo", "boris", ClusterNodes.DemoPassword);

        // Boris's Accept is pushed from the silo holding the call to the ARI gateway, which bridges his phone in.
        var channel = await ari.CallInAsync("+79005550123");
        var talking = (await boris.SeenAsync(IsAssigned, "the ARI call ringing at boris's console", ClusterChat.Failover)).Str("conversationId");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), 0, "the ARI caller held while boris's console rings");
        await AcceptAsync(boris, talking, channel);
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == $"op-{channel}", 0, "boris's phone rung");
        await ari.PickUpAsync($"op-{channel}");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/bridges/br-{channel}/addChannel") && r["channel"] == $"op-{channel}", 0, "boris put in the bridge");

        // A second caller finds nobody free and presses 0; Boris transfers his caller to the stylist queue (Anna's,
        // busy), and his free seat rings for the waiting caller, whose Accept bridges Boris in again.
        var waiting = await ari.CallInAsync("+79005550124");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{waiting}/play"), 0, "the menu for the second caller");
        await ari.PressAsync(waiting, "0");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{waiting}/moh"), 0, "the second caller held in the queue");
        var beforeTransfer = ari.Requests.Count;
        var framesBefore = boris.Received.Count;
        await boris.SendAsync(new { type = "transfer", conversationId = talking, toQueue = "stylist" });
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), beforeTransfer, "the transferred caller held for the stylist queue");
        var next = (await boris.SeenAsync(f => IsAssigned(f) && f.Str("conversationId") != talking, "the waiting caller ringing at boris's console",
            ClusterChat.Failover, framesBefore)).Str("conversationId");
        await AcceptAsync(boris, next, waiting);
        var secondRing = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == $"op-{waiting}", beforeTransfer, "boris's phone rung for the waiting caller");

        Assert.True(ari.Requests.First(r => r.Path.StartsWith($"/ari/channels/{channel}/", StringComparison.Ordinal)).Is("POST", $"/ari/channels/{channel}/answer"));
        Assert.Equal(("PJSIP/boris", $"op-{channel}"), (ring["endpoint"], ring["channelId"]));
        Assert.Contains(ari.Requests.Skip(beforeTransfer), r => r.Is("DELETE", $"/ari/channels/op-{channel}"));
        Assert.Contains(ari.Requests.Skip(beforeTransfer), r => r.Is("POST", $"/ari/bridges/br-{channel}/removeChannel"));
        // The transfer's "connecting you", pushed from a silo, is played from the WAV the ARI gateway rendered itself.
        Assert.Contains(ari.Requests.Skip(beforeTransfer), r => r.Is("POST", $"/ari/channels/{channel}/play")
            && r["media"]!.StartsWith("http://127.0.0.1/phone/speech/", StringComparison.Ordinal));
        Assert.Contains(ari.Requests.Skip(beforeTransfer), r => r.Is("DELETE", $"/ari/channels/{waiting}/moh"));
        Assert.Equal("PJSIP/boris", secondRing["endpoint"]);
        Assert.Contains(await SiloOfCallAsync(channel), Cluster.Silos.Select(s => s.SiloPort));
        Assert.Contains(await SiloOfCallAsync(waiting), Cluster.Silos.Select(s => s.SiloPort));
    }

    /// <summary>
    /// The operator presses Accept until the call is answered: as the console tells them to, they try again while the
    /// cluster answers <c>unavailable</c> (a loaded machine may outlast the gateway's response timeout). Any other error
    /// fails, with the silos' warnings about the call.
    /// </summary>
    private async Task AcceptAsync(TestSocket op, string conversationId, string callId = "pc-1")
    {
        var deadline = DateTime.UtcNow + ClusterChat.Failover;
        while (true)
        {
            var from = op.Received.Count;
            await op.SendAsync(new { type = "accept_call", conversationId });
            var reply = await op.SeenAsync(f => f.Str("type") == "error" || f.Str("type") == "call" && f.Str("status") == "answered",
                "the call answered, or an error", ClusterChat.Failover, from);
            if (reply.Str("type") == "call")
            {
                return;
            }
            var silos = string.Join("\n", Cluster.Silos.SelectMany(n => n.Process.Entries(e => e.Contains(callId, StringComparison.Ordinal))));
            Assert.True(reply.Str("code") == "unavailable" && DateTime.UtcNow < deadline, $"Accept refused: {reply.GetRawText()}\n{silos}");
            await Task.Delay(ClusterChat.RetryPace);
        }
    }

    private static bool IsAssigned(JsonElement frame) => frame.Str("type") == "assigned" && frame.TryGetProperty("transcript", out _);

    private Task<int> SiloOfCallAsync(string callId) =>
        Cluster.Observer.SiloPortOfAsync(Cluster.Observer.Client.GetGrain<ICallGrain>(GrainKeys.Call("demo", callId)));

    private static Dictionary<string, string> AriSettings(FakeAri ari) => new()
    {
        ["Phone__Sites__demo__Ari__BaseUrl"] = ari.BaseUrl.ToString(),
        ["Phone__Sites__demo__Ari__User"] = FakeAri.User,
        ["Phone__Sites__demo__Ari__Password"] = FakeAri.Password,
        ["Phone__Sites__demo__Ari__App"] = FakeAri.App,
        ["Phone__Sites__demo__Ari__MediaBaseUrl"] = "http://127.0.0.1/",
    };

    /// <summary>
    /// A signed event of call <paramref name="callId"/> posted as a PBX would, sent again (the same event id) while the
    /// gateway answers 503, as a PBX retries: the first event of a new cluster may outlast the gateway's response timeout.
    /// The types of the commands answered.
    /// </summary>
    private static async Task<string[]> PostEventAsync(GatewayNode gateway, string callId, string type)
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = $"e-{callId}-{type}", callId, direction = "inbound", from = FakePbx.Caller, to = "+74950000000",
            at = DateTimeOffset.UtcNow, type, data = new { },
        });
        var deadline = DateTime.UtcNow + ClusterChat.Failover;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/phone/demo")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
                Headers = { { PhoneSignature.Header, FakePbx.Sign(body, Secret) } },
            };
            using var response = await gateway.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(ClusterChat.RetryPace);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. answer.GetProperty("commands").EnumerateArray().Select(c => c.Str("type"))];
        }
    }

    private async Task ConfigurePhoneAsync(string commandUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/sites/demo/channels/phone")
        {
            Content = JsonContent.Create(new { signingSecret = Secret, commandUrl }),
        };
        request.Headers.Authorization = new("Bearer", await Cluster.GatewayA.LoginAsync("demo", "olga", ClusterNodes.DemoPassword));
        using var response = await Cluster.GatewayA.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
