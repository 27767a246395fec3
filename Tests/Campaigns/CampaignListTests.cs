using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Campaigns;

/// <summary><c>GET …/campaigns</c>: a site's campaigns, newest first, each with its live counts; another site's are not there.</summary>
public sealed class CampaignListTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_list_has_the_sites_campaigns_newest_first_with_their_counts()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        await using var other = await CampaignSite.StartAsync(Host);
        var older = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));
        var newer = await shop.CreateAsync(CampaignSite.Definition("back_in_stock"));
        await other.CreateAsync(CampaignSite.Definition("quote_reminder"));
        await shop.AddContactsAsync(newer, new[] { new { phone = "+79001239001", data = new { item = "Kettle", link = "https://shop.example/k" } } });
        await shop.LifecycleAsync(newer, "start");
        await shop.NextOriginateAsync();

        using var response = await shop.SendAsync(HttpMethod.Get, "/campaigns");
        var list = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();

        Assert.Equal([newer, older], list.Select(c => c.Str("id")));
        Assert.Equal(["running", "draft"], list.Select(c => c.Str("status")));
        Assert.Equal((1, 1), (list[0].GetProperty("counts").GetProperty("calling").GetInt32(), list[0].GetProperty("counts").GetProperty("remaining").GetInt32()));
        Assert.Equal("back_in_stock", list[0].Str("kind"));
    }
}
