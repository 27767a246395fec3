using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// Back in stock's product link by the campaign's WhatsApp template through the site's WhatsApp channel (a fake Cloud
/// API), with the item and the link as its parameters; by SMS when WhatsApp refuses it.
/// </summary>
public sealed class CampaignWhatsAppLinkTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private const string Template = "back_in_stock_link";
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_link_goes_by_the_whatsapp_template_with_item_and_link_and_not_by_sms()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        await using var whatsApp = await WhatsAppOfAsync(shop);
        const string phone = "+79007770001";

        await AnsweredCallAsync(shop, phone);
        var request = await whatsApp.Api.NextRequestAsync(Waits.Signal);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.EndsWith("/messages", request.PathAndQuery);
        Assert.Equal("79007770001", body.Str("to"));
        Assert.Equal(Template, body.GetProperty("template").Str("name"));
        Assert.Equal("en", body.GetProperty("template").GetProperty("language").Str("code"));
        var parameters = body.GetProperty("template").GetProperty("components")[0].GetProperty("parameters").EnumerateArray().Select(p => p.Str("text"));
        Assert.Equal(["The green kettle", "https://shop.example/p/green"], parameters);
        Assert.Equal(0, fixture.Sms.ArrivedTo(phone));
    }

    [Fact]
    public async Task A_template_whatsapp_refuses_is_sent_by_sms_instead()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        await using var whatsApp = await WhatsAppOfAsync(shop);
        whatsApp.Api.AnswerNext(400, """{"error":{"message":"(#132001) Template name does not exist in the translation","code":132001}}""");
        const string phone = "+79007770002";

        await AnsweredCallAsync(shop, phone);
        var sms = await fixture.Sms.NextToAsync(phone);

        Assert.Equal("The green kettle: https://shop.example/p/green", sms.Str("text"));
    }

    [Fact]
    public async Task A_template_is_refused_for_other_kinds_and_when_its_name_is_not_one()
    {
        await using var shop = await CampaignSite.StartAsync(Host);

        using var quote = await shop.SendAsync(HttpMethod.Post, "/campaigns",
            JsonContent.Create(CampaignSite.Definition("quote_reminder", extra: new { whatsAppTemplate = Template })));
        using var badName = await shop.SendAsync(HttpMethod.Post, "/campaigns",
            JsonContent.Create(CampaignSite.Definition("back_in_stock", extra: new { whatsAppTemplate = "Back in stock!" })));

        Assert.Equal(HttpStatusCode.BadRequest, quote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Contains("whatsAppTemplate", (await badName.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
    }

    private async Task<FakeWhatsApp> WhatsAppOfAsync(CampaignSite shop)
    {
        var whatsApp = await FakeWhatsApp.StartAsync(Host.Http, shop.Site, "fake-app-secret");
        using var response = await shop.SendAsync(HttpMethod.Put, "/channels/whatsapp", JsonContent.Create(whatsApp.ChannelSettings));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return whatsApp;
    }

    /// <summary>A back-in-stock campaign with the template calls <paramref name="phone"/>, who answers "no" and hangs up.</summary>
    private static async Task AnsweredCallAsync(CampaignSite shop, string phone)
    {
        var id = await shop.CreateAsync(CampaignSite.Definition("back_in_stock", extra: new { whatsAppTemplate = Template }));
        await shop.AddContactsAsync(id, new[] { new { phone, data = new { item = "The green kettle", link = "https://shop.example/p/green" } } });
        await shop.LifecycleAsync(id, "start");
        var callId = (await shop.NextOriginateAsync()).Str("callId");
        await shop.Pbx.SendAsync(callId, "call.answered");
        await shop.Pbx.SendAsync(callId, "input.dtmf", new { digits = "2" });
        await shop.Pbx.SendAsync(callId, "call.ended", new { reason = "completed" });
    }
}
