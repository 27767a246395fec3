using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Campaigns;
using Switchboard.Gateway.Campaigns;
using Switchboard.Grains.Campaigns;
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

    [Fact]
    public async Task Campaigns_older_than_the_list_are_read_from_the_campaign_store_once_and_listed_before_the_newer_ones()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        // Campaigns whose contacts are in the store from before the list existed: it never heard of them.
        var store = Host.Services.GetRequiredService<ICampaignStore>();
        var start = fixture.Clock.GetUtcNow();
        await store.AddAsync(shop.Site, "legacyfirst", [new CampaignContact("+79003330001", null, null, null, null)], start.AddDays(-20));
        await store.AddAsync(shop.Site, "legacysecond", [new CampaignContact("+79003330002", null, null, null, null), new CampaignContact("+79003330003", null, null, null, null)], start.AddDays(-10));

        var created = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));
        await store.AddAsync(shop.Site, "addedlater", [new CampaignContact("+79003330004", null, null, null, null)], start.AddDays(-30));
        var listed = await Host.Grains.GetGrain<ICampaignListGrain>(GrainKeys.CampaignList(shop.Site)).Newest(CampaignEndpoints.Listed);

        Assert.Equal([created, "legacysecond", "legacyfirst"], listed);
    }
}
