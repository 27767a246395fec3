using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.Campaigns.CampaignCallTests;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// <c>POST …/contacts/from-crm</c>: a campaign fed from the CRM connector (the fixture's fake CRM speaks the demo CRM's
/// contract, its feed included), streamed and checked like a list sent over REST.
/// </summary>
public sealed class CampaignCrmFeedTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_crms_contacts_are_added_a_second_feed_counts_them_as_duplicates_and_the_campaign_calls_them()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("back_in_stock", concurrency: 5));

        var first = await FromCrmAsync(shop, id, new { query = "The red kettle", limit = 3 });
        var again = await FromCrmAsync(shop, id, new { query = "The red kettle", limit = 4 });
        await shop.LifecycleAsync(id, "start");
        var dialled = new[] { await shop.NextOriginateAsync(), await shop.NextOriginateAsync(), await shop.NextOriginateAsync(), await shop.NextOriginateAsync() };
        var offer = await shop.Pbx.SendAsync(dialled[0].Str("callId"), "call.answered");

        Assert.Equal((3, 0, 0), (first.GetProperty("added").GetInt32(), first.GetProperty("refused").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal((1, 3), (again.GetProperty("added").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(4, dialled.Select(c => c.Str("to")).Distinct().Count());
        Assert.All(dialled, c => Assert.StartsWith("+7999", c.Str("to")));
        Assert.Contains("The red kettle is back in stock", offer.Single(c => c.Str("type") == "say").Str("text"));
        Assert.Equal(4, Counts(await shop.ProgressAsync(id), "remaining").Item1);
    }

    [Fact]
    public async Task A_long_crm_list_is_streamed_in_batches()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("order_confirmation"));

        var added = await FromCrmAsync(shop, id, new { limit = 25_000 });

        Assert.Equal(25_000, added.GetProperty("added").GetInt32());
        Assert.Equal(25_000, Counts(await shop.ProgressAsync(id), "queued").Item1);
    }

    [Fact]
    public async Task A_bad_limit_or_an_unknown_campaign_is_refused()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));

        using var tooMany = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts/from-crm", JsonContent.Create(new { limit = 1_000_001 }));
        using var unknown = await shop.SendAsync(HttpMethod.Post, "/campaigns/nosuchcampaign/contacts/from-crm", JsonContent.Create(new { limit = 1 }));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<JsonElement> FromCrmAsync(CampaignSite shop, string id, object body)
    {
        using var response = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts/from-crm", JsonContent.Create(body));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
