using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Campaigns;
using Switchboard.Silo.Channels.Phone;
using Switchboard.Tests.Cluster;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Phone;
using Xunit.Abstractions;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// A campaign in cluster mode whose silo is killed mid-campaign: it comes back on the other silo (its reminder, or the
/// end of one of its calls), dials no contact twice for the same step and forgets none.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class CampaignClusterTests(DatabaseServers servers, ITestOutputHelper output) : RunningClusterTests(servers)
{
    private const string Secret = "pbx-campaign-secret";
    private const int Contacts = 6;

    /// <summary>A silo's death noticed, then the campaign's next call or its one-minute reminder on the survivor.</summary>
    private static readonly TimeSpan CampaignFailover = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_campaign_whose_silo_dies_calls_every_contact_once()
    {
        await using var pbx = await FakeCommandReceiver.StartAsync();
        var token = await Cluster.GatewayA.LoginAsync("demo", "olga", ClusterNodes.DemoPassword);
        await SendAsync(Cluster.GatewayA, token, HttpMethod.Put, "/channels/phone", new { signingSecret = Secret, commandUrl = pbx.Url });
        var created = await SendAsync(Cluster.GatewayA, token, HttpMethod.Post, "/campaigns",
            CampaignSite.Definition("quote_reminder", concurrency: 3, maxAttempts: 1));
        var id = created.Str("id");
        await SendAsync(Cluster.GatewayA, token, HttpMethod.Post, $"/campaigns/{id}/contacts",
            Enumerable.Range(1, Contacts).Select(i => new { phone = $"+7900666000{i}", data = new { quote = $"Q-{i}" } }).ToArray());

        await SendAsync(Cluster.GatewayB, token, HttpMethod.Post, $"/campaigns/{id}/start", null);
        var dialled = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            dialled.Add(await NextCallAsync(pbx, ClusterChat.Failover));
        }
        var campaignSilo = await Cluster.Observer.SiloPortOfAsync(Cluster.Observer.Client.GetGrain<ICampaignGrain>(GrainKeys.Campaign("demo", id)));
        await Cluster.SiloAt(campaignSilo).Process.KillAsync();
        var killed = System.Diagnostics.Stopwatch.StartNew();
        foreach (var callId in dialled.ToList())
        {
            await PostEventAsync(Cluster.GatewayB, callId, "call.ended", new { reason = "no_answer" });
        }
        for (var i = 0; i < 3; i++)
        {
            dialled.Add(await NextCallAsync(pbx, CampaignFailover));
        }
        output.WriteLine($"The campaign's silo died; its next calls went out {killed.Elapsed.TotalSeconds:F1} s later.");
        foreach (var callId in dialled.Skip(3))
        {
            await PostEventAsync(Cluster.GatewayB, callId, "call.ended", new { reason = "no_answer" });
        }
        var extra = await Assert.ThrowsAsync<TimeoutException>(() => pbx.NextAsync(TimeSpan.FromSeconds(3)));

        Assert.NotNull(extra);
        Assert.Equal(Contacts, dialled.Select(c => CampaignCallIds.Parse(c)!.Value.ContactId).Distinct().Count());
        var progress = await SendAsync(Cluster.GatewayB, token, HttpMethod.Get, $"/campaigns/{id}", null);
        Assert.Equal("done", progress.Str("status"));
        Assert.Equal((Contacts, 0, 0), CampaignCallTests.Counts(progress, "failed", "remaining", "calling"));
    }

    private static async Task<string> NextCallAsync(FakeCommandReceiver pbx, TimeSpan within)
    {
        var (body, _) = await pbx.NextAsync(within);
        return JsonDocument.Parse(body).RootElement.Str("callId");
    }

    /// <summary>A supervisor's request, sent again while the cluster answers 503 (a silo's death not yet noticed).</summary>
    private static async Task<JsonElement> SendAsync(GatewayNode gateway, string token, HttpMethod method, string path, object? body)
    {
        var deadline = DateTime.UtcNow + CampaignFailover;
        while (true)
        {
            using var request = new HttpRequestMessage(method, $"/api/sites/demo{path}") { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await gateway.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(ClusterChat.RetryPace);
                continue;
            }
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    /// <summary>A signed event as a PBX posts it, posted again (the same event id) while the gateway answers 503, as a PBX retries.</summary>
    private static async Task PostEventAsync(GatewayNode gateway, string callId, string type, object data)
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = $"e-{callId}-{type}", callId, direction = "outbound", from = "+74950000000", to = "+79006660001",
            at = DateTimeOffset.UtcNow, type, data,
        });
        var deadline = DateTime.UtcNow + CampaignFailover;
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
            return;
        }
    }
}
