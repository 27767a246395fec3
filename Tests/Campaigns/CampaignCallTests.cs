using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Campaigns;

/// <summary>The three scripts end to end: REST in, originates to a fake PBX, the call's events answered, the outcome booked and written to the CRM.</summary>
public sealed class CampaignCallTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private const string Number = "+79001112233";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_quote_reminder_calls_after_three_days_and_a_yes_leaves_a_callback_and_an_answer_on_the_card()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", afterDays: null));
        var added = await shop.AddContactsAsync(id, new object[]
        {
            new { phone = "+7 900 111-22-33", customerId = "cust-1", name = "Irina", data = new { quote = "Q-1042, a corner sofa", discount = "5%" } },
            new { phone = Number, data = new { quote = "the same number again" } },
            new { phone = "12345", data = new { quote = "not a number" } },
        });

        await shop.LifecycleAsync(id, "start");
        await shop.NoOriginateAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await shop.TickAsync(id);
        var originate = await shop.NextOriginateAsync();
        var callId = originate.Str("callId");
        var offer = await shop.Pbx.SendAsync(callId, "call.answered");
        var thanks = await shop.Pbx.SendAsync(callId, "input.dtmf", new { digits = "1" });
        await shop.Pbx.SendAsync(callId, "call.ended", new { reason = "completed", durationSeconds = 40 });

        Assert.Equal((1, 1, 1), (added.GetProperty("added").GetInt32(), added.GetProperty("duplicates").GetInt32(), added.GetProperty("refused").GetInt32()));
        Assert.Equal((Number, id), (originate.Str("to"), originate.Str("campaign")));
        Assert.Contains("Q-1042, a corner sofa", offer.Single(c => c.Str("type") == "say").Str("text"));
        Assert.True(offer.Single(c => c.Str("type") == "gather").GetProperty("speech").GetBoolean());
        Assert.Equal("hangup", thanks[^1].Str("type"));
        var waiting = Assert.Single((await Host.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(shop.Site, "general")).GetSnapshot()).Waiting);
        Assert.NotNull(waiting);
        var answers = await CardAnswersAsync(shop.Site, "cust-1");
        Assert.Equal(("quote_reminder", "offer", "yes"), (answers[0].Str("kind"), answers[0].Str("question"), answers[0].Str("answer")));
        var progress = await shop.ProgressAsync(id);
        Assert.Equal("done", progress.Str("status"));
        Assert.Equal((1, 1, 0), Counts(progress, "yes", "answered", "remaining"));
        var csv = await (await shop.SendAsync(HttpMethod.Get, $"/campaigns/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Contains($",{callId},", csv);
        Assert.EndsWith(",yes", csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].TrimEnd('\r'));
    }

    [Fact]
    public async Task A_spoken_no_to_a_quote_is_refused_and_offered_again_later_as_a_new_step()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", extra: new { reofferDays = 30 }));
        await shop.AddContactsAsync(id, new[] { new { phone = Number, data = new { quote = "Q-7" } } });

        await shop.LifecycleAsync(id, "start");
        var first = (await shop.NextOriginateAsync()).Str("callId");
        await shop.Pbx.SendAsync(first, "call.answered");
        var goodbye = await shop.Pbx.SendAsync(first, "input.speech", new { text = "нет", confidence = 0.9 });
        await shop.Pbx.SendAsync(first, "call.ended", new { reason = "completed" });
        var refused = await shop.ProgressAsync(id);
        fixture.Clock.Advance(TimeSpan.FromDays(30));
        await shop.TickAsync(id);
        var again = (await shop.NextOriginateAsync()).Str("callId");

        Assert.Equal("hangup", goodbye[^1].Str("type"));
        Assert.Equal((1, 1, 0), Counts(refused, "refused", "remaining", "calling"));
        Assert.EndsWith("-0-1", first);
        Assert.EndsWith("-1-1", again);
    }

    [Fact]
    public async Task An_order_confirmation_reads_the_order_then_offers_the_accessory_and_records_both_answers()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("order_confirmation"));
        await shop.AddContactsAsync(id, new[]
        {
            new
            {
                phone = Number, customerId = "cust-7",
                data = new { order = "SB-10042", items = new[] { new { name = "Sofa" }, new { name = "Pillow" } }, deliveryDate = "10 December", accessory = "a sofa cover" },
            },
        });

        await shop.LifecycleAsync(id, "start");
        var callId = (await shop.NextOriginateAsync()).Str("callId");
        var order = await shop.Pbx.SendAsync(callId, "call.answered");
        var crossSell = await shop.Pbx.SendAsync(callId, "input.speech", new { text = "да" });
        var thanks = await shop.Pbx.SendAsync(callId, "input.speech", new { text = "yes" });
        await shop.Pbx.SendAsync(callId, "call.ended", new { reason = "completed" });

        Assert.Contains("SB-10042: Sofa, Pillow. Delivery on 10 December", order.Single(c => c.Str("type") == "say").Str("text"));
        Assert.Contains("a sofa cover", string.Join(' ', crossSell.Where(c => c.Str("type") == "say").Select(c => c.Str("text"))));
        Assert.Equal("gather", crossSell[^1].Str("type"));
        Assert.Equal("hangup", thanks[^1].Str("type"));
        var answers = await CardAnswersAsync(shop.Site, "cust-7");
        Assert.Equal(["crossSell:yes", "offer:yes"], answers.Select(a => $"{a.Str("question")}:{a.Str("answer")}"));
        Assert.Equal(1, Counts(await shop.ProgressAsync(id), "yes").Item1);
    }

    [Fact]
    public async Task Back_in_stock_names_the_item_and_sends_the_product_link_by_sms_after_the_call()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("back_in_stock"));
        const string phone = "+79007778899";
        await shop.AddContactsAsync(id, new[] { new { phone, data = new { item = "The blue kettle", link = "https://shop.example/p/kettle" } } });

        await shop.LifecycleAsync(id, "start");
        var callId = (await shop.NextOriginateAsync()).Str("callId");
        var offer = await shop.Pbx.SendAsync(callId, "call.answered");
        await shop.Pbx.SendAsync(callId, "input.dtmf", new { digits = "2" });
        await shop.Pbx.SendAsync(callId, "call.ended", new { reason = "completed" });
        var sms = await fixture.Sms.NextToAsync(phone);

        Assert.Contains("The blue kettle is back in stock", offer.Single(c => c.Str("type") == "say").Str("text"));
        Assert.Equal("The blue kettle: https://shop.example/p/kettle", sms.Str("text"));
        Assert.Equal(1, Counts(await shop.ProgressAsync(id), "no").Item1);
    }

    [Fact]
    public async Task A_redelivered_end_is_booked_once()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", maxAttempts: 3));
        await shop.AddContactsAsync(id, new[] { new { phone = Number, data = new { quote = "Q-9" } } });

        await shop.LifecycleAsync(id, "start");
        var callId = (await shop.NextOriginateAsync()).Str("callId");
        var ended = shop.Pbx.Event(callId, "call.ended", new { reason = "busy" });
        await shop.Pbx.SendAsync(ended);
        await shop.Pbx.SendAsync(ended);
        await shop.Pbx.SendAsync(shop.Pbx.Event(callId, "call.ended", new { reason = "busy" }));

        var csv = await (await shop.SendAsync(HttpMethod.Get, $"/campaigns/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Equal(1, Counts(await shop.ProgressAsync(id), "queued").Item1);
    }

    private async Task<JsonElement[]> CardAnswersAsync(string site, string customerId)
    {
        using var http = new HttpClient();
        var card = await http.GetFromJsonAsync<JsonElement>($"{fixture.Crm.Endpoint}/customers?site={site}&customerId={customerId}");
        return [.. card.GetProperty("campaignAnswers").EnumerateArray()];
    }

    internal static (int, int, int) Counts(JsonElement progress, string a, string? b = null, string? c = null)
    {
        var counts = progress.GetProperty("counts");
        int Read(string? name) => name is null ? 0 : counts.GetProperty(name).GetInt32();
        return (Read(a), Read(b), Read(c));
    }
}
