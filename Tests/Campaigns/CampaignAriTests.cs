using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Silo.Campaigns;
using Switchboard.Silo.Channels.Phone;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;
using Switchboard.Tests.Phone.Ari;
using static Switchboard.Tests.Campaigns.CampaignCallTests;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// A campaign of a site on Asterisk: its calls are originated over ARI (<c>POST /channels</c>, never to a
/// <c>commandUrl</c>), and the call's events reach the campaign's script through the ARI adapter (a fake ARI).
/// </summary>
public sealed class CampaignAriTests(AriGatewayFixture fixture) : IClassFixture<AriGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_campaign_call_is_originated_over_ARI_plays_the_script_and_books_the_keyed_answer()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        await using var commands = await FakeCommandReceiver.StartAsync();
        await using var shop = CampaignSite.For(Host, site, await Host.LoginAsync(site, "sup"), commands);
        const string phone = "+79006660001";
        var id = await shop.CreateAsync(CampaignSite.Definition("order_confirmation"));
        await shop.AddContactsAsync(id, new[] { new { phone, data = new { order = "SB-777", items = new[] { new { name = "Lamp" } }, deliveryDate = "1 January" } } });

        await shop.LifecycleAsync(id, "start");
        var dial = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"]?.StartsWith("cm-", StringComparison.Ordinal) == true, 0, "the campaign's call dialled over ARI");
        var callId = dial["channelId"]!;
        await ari.PickUpAsync(callId);
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{callId}/play"), 0, "the script's offer played");
        await ari.PressAsync(callId, "1");
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/channels/{callId}"), 0, "the robot hung up after the answer");
        var progress = await BookedAsync(shop, id);

        Assert.Equal($"PJSIP/{phone}", dial["endpoint"]);
        Assert.Equal((1, 1, 0), Counts(progress, "yes", "answered", "remaining"));
        await shop.NoOriginateAsync();
    }

    [Fact]
    public async Task Without_an_ARI_line_in_its_process_a_silo_originates_through_the_sites_ARI_line_grain_to_the_gateway_holding_the_connection()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        // A cluster's silo: no ICampaignLine (the gateways hold the ARI connections), and the site has no commandUrl.
        var siloDialer = new CampaignDialer(Host.Services.GetRequiredService<PhoneChannelSettings>(), Host.Services.GetRequiredService<PhoneCommandSender>(), [], Host.Grains);
        const string phone = "+79006660002";
        var callId = $"cm-c1-1-0-1-{Guid.NewGuid():N}";

        var problem = await OriginateOnceRegisteredAsync(siloDialer, site, callId, phone);
        var dial = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == callId, 0, "the campaign's call dialled over the gateway's ARI connection");

        Assert.Null(problem);
        Assert.Equal($"PJSIP/{phone}", dial["endpoint"]);
    }

    /// <summary>
    /// The gateway registers its ARI line with the cluster as its connection opens, alongside it: until it has, the dialler
    /// finds no line and no commandUrl. Ask until the line is there.
    /// </summary>
    private static async Task<string?> OriginateOnceRegisteredAsync(CampaignDialer dialer, string site, string callId, string phone)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            var problem = await dialer.OriginateAsync(site, callId, phone, "c1", CancellationToken.None);
            if (problem is null || !problem.Contains("commandUrl", StringComparison.Ordinal))
            {
                return problem;
            }
            Assert.True(DateTime.UtcNow < deadline, "Expected the site's ARI line registered by the gateway holding the connection");
            await Task.Yield();
        }
    }

    /// <summary>The call's end reaches the campaign one-way from the test's side: ask until it is booked.</summary>
    private static async Task<JsonElement> BookedAsync(CampaignSite shop, string id)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            var progress = await shop.ProgressAsync(id);
            if (Counts(progress, "calling").Item1 == 0)
            {
                return progress;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Expected the call booked; the campaign is {progress}");
            await Task.Yield();
        }
    }
}
