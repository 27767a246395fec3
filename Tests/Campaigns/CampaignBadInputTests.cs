using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Campaigns;

/// <summary>Bad campaigns and contact lists are refused with a reason; a long list is streamed.</summary>
public sealed class CampaignBadInputTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Theory]
    [InlineData("""{"name":"x","kind":"robocall","callingHours":{"from":"09:00","to":"21:00"},"concurrency":1,"maxAttempts":1,"retryMinutes":5}""", "kind must be one of")]
    [InlineData("""{"name":"x","kind":"back_in_stock","callingHours":{"from":"9am","to":"21:00"},"concurrency":1,"maxAttempts":1,"retryMinutes":5}""", "callingHours")]
    [InlineData("""{"name":"x","kind":"back_in_stock","callingHours":{"from":"09:00","to":"24:30"},"concurrency":1,"maxAttempts":1,"retryMinutes":5}""", "to may be 24:00")]
    [InlineData("""{"name":"x","kind":"back_in_stock","callingHours":{"from":"09:00","to":"21:00","timeZone":"Mars/Olympus"},"concurrency":1,"maxAttempts":1,"retryMinutes":5}""", "Mars/Olympus")]
    [InlineData("""{"name":"x","kind":"back_in_stock","callingHours":{"from":"09:00","to":"21:00"},"concurrency":0,"maxAttempts":1,"retryMinutes":5}""", "concurrency")]
    [InlineData("""{"name":"x","kind":"order_confirmation","callingHours":{"from":"09:00","to":"21:00"},"concurrency":1,"maxAttempts":1,"retryMinutes":5,"prompts":{"offer":"Order {order}?","yes":"Thanks","no":"Bye"}}""", "lacks the prompt 'crossSell'")]
    public async Task A_bad_campaign_is_refused_with_the_reason(string body, string reason)
    {
        await using var shop = await CampaignSite.StartAsync(Host);

        using var response = await shop.SendAsync(HttpMethod.Post, "/campaigns", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
    }

    [Fact]
    public async Task Bad_rows_of_an_ndjson_list_are_refused_by_row_and_the_rest_are_added()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("back_in_stock"));
        var lines = string.Join('\n',
            """{"phone":"+79001110001","data":{"item":"Kettle","link":"https://shop.example/k"}}""",
            """{"phone":"+79001110002","data":""",
            """{"phone":"not a phone","data":{"item":"Kettle","link":"https://shop.example/k"}}""",
            """{"phone":"+79001110003","data":{"item":"Kettle"}}""",
            """{"phone":"+7 900 111-00-01","data":{"item":"Kettle","link":"https://shop.example/k"}}""");

        using var response = await shop.AddNdjsonAsync(id, lines);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 3, 1), (result.GetProperty("added").GetInt32(), result.GetProperty("refused").GetInt32(), result.GetProperty("duplicates").GetInt32()));
        var problems = result.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal([2L, 3L, 4L], problems.Select(p => p.GetProperty("row").GetInt64()));
        Assert.Contains("international format", problems[1].Str("reason"));
        Assert.Contains("data lacks link", problems[2].Str("reason"));
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_array_is_a_400_that_still_counts_the_rows_before_it()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));

        using var response = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts",
            new StringContent("""[{"phone":"+79001110009","data":{"quote":"Q"}}, {"phone": """, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a JSON array", problem.Str("title"));
        Assert.Equal(1, problem.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Lifecycle_steps_out_of_turn_are_conflicts_and_unknown_campaigns_are_not_found()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));

        using var resume = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/resume");
        using var unknown = await shop.SendAsync(HttpMethod.Get, "/campaigns/0123456789abcdef");
        using var contacts = await shop.SendAsync(HttpMethod.Post, "/campaigns/0123456789abcdef/contacts", JsonContent.Create(Array.Empty<object>()));

        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contacts.StatusCode);
    }

    [Fact]
    public async Task A_list_of_a_hundred_thousand_rows_is_streamed_in_and_counted()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));
        const int rows = 100_000;

        var list = new GeneratedLines(rows, row => $"{{\"phone\":\"+7901{row:D7}\",\"data\":{{\"quote\":\"Q-{row}\"}}}}\n");
        using var response = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts", new StreamContent(list)
        {
            Headers = { ContentType = new("application/x-ndjson") },
        });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rows, result.GetProperty("added").GetInt32());
        Assert.Equal(rows, CampaignCallTests.Counts(await shop.ProgressAsync(id), "queued").Item1);
    }
}
