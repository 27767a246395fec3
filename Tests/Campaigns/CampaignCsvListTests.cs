using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Campaigns;

/// <summary>A contact list as <c>text/csv</c> with a header row: read and checked row by row like a JSON list; a bad header refuses the list.</summary>
public sealed class CampaignCsvListTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_csv_list_is_added_row_by_row_with_quoted_cells_and_its_bad_rows_refused_by_number()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("order_confirmation"));
        const string csv = """
            phone,name,data.order,data.items,data.deliveryDate,timeZone
            +79002220001,"Ivanov, Ivan",SB-1,"Sofa ""Oslo"", cushions",10 December,Europe/Moscow
            +7 900 222-00-01,Ivan,SB-1,Sofa,10 December,

            12345,Petr,SB-2,Lamp,11 December,
            +79002220003,Anna,SB-3
            +79002220004,Olga,SB-4,Lamp,,
            """;

        using var response = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var results = await shop.SendAsync(HttpMethod.Get, $"/campaigns/{id}/results.csv");
        var rows = (await results.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 3, 1), (result.GetProperty("added").GetInt32(), result.GetProperty("refused").GetInt32(), result.GetProperty("duplicates").GetInt32()));
        var problems = result.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt64(), p.Str("reason"))).ToList();
        Assert.Equal([3L, 4L, 5L], problems.Select(p => p.Item1));
        Assert.Contains("international format", problems[0].Item2);
        Assert.Equal("3 cells where the header has 6", problems[1].Item2);
        Assert.Contains("data lacks deliveryDate", problems[2].Item2);
        Assert.StartsWith("1,+79002220001,,\"Ivanov, Ivan\",queued,", rows[1]);
    }

    [Theory]
    [InlineData("phone,email\n+79002220001,a@b.example\n", "unknown column 'email'")]
    [InlineData("name,data.quote\nIvan,Q-1\n", "must name a phone column")]
    [InlineData("phone,phone\n+79002220001,+79002220002\n", "names 'phone' twice")]
    [InlineData("", "no header row")]
    public async Task A_csv_list_with_a_bad_header_is_refused_with_the_reason(string csv, string reason)
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));

        using var response = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, problem.Str("title"));
        Assert.Equal(0, problem.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task A_long_csv_list_is_streamed_in_and_counted()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder"));
        const int rows = 20_000;

        // The header is line 0; a quoted cell with a comma in every row.
        var list = new GeneratedLines(rows, row => row == 0 ? "phone,data.quote\r\n" : $"+7902{row:D7},\"Q-{row}, sofa\"\r\n", first: 0);
        using var response = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts", new StreamContent(list)
        {
            Headers = { ContentType = new("text/csv") },
        });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rows, result.GetProperty("added").GetInt32());
        Assert.Equal(rows, CampaignCallTests.Counts(await shop.ProgressAsync(id), "queued").Item1);
    }
}
