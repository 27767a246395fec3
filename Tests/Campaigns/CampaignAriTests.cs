using System.Text.Json;
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
