using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary><c>GET /api/sites/{site}/reports</c> and <c>POST /api/sites/{site}/orders</c> over a real chat.</summary>
public sealed class ReportApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_supervisor_gets_the_day_s_chat_by_operator_as_json_and_csv_with_its_order()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Hi!" });
        await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        await visitor.SendAsync(new { type = "close" });
        await visitor.ExpectAsync("closed");
        await visitor.SendAsync(new { type = "rate", score = 5 });
        await visitor.ExpectAsync("rated");
        var supervisor = await Host.LoginAsync(site, "sup");

        var order = await Send(HttpMethod.Post, $"/api/sites/{site}/orders", supervisor,
            new { orderId = "A-1001", visitorId = welcome.Str("visitorId"), amount = 59.90 });
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        await Host.Services.GetRequiredService<ReportProjector>().CatchUpAsync();

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var path = $"/api/sites/{site}/reports?from={today}&to={today}&granularity=total&groupBy=operator";
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, path, await Host.LoginAsync(site, "anna"))).StatusCode);
        var report = await (await Send(HttpMethod.Get, path, supervisor)).Content.ReadFromJsonAsync<JsonElement>();
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal("anna", row.Str("operator"));
        Assert.Equal(1, row.GetProperty("offered").GetInt64());
        Assert.Equal(1, row.GetProperty("answered").GetInt64());
        Assert.Equal(100, row.GetProperty("csat").GetDouble());
        Assert.Equal(1, row.GetProperty("orders").GetInt64());
        Assert.Equal("UTC", report.Str("timeZone"));

        var csv = await Send(HttpMethod.Get, path + "&format=csv", supervisor);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,operator,offered,answered,missed,", lines[0]);
        Assert.StartsWith($"{today}T00:00+00:00,anna,1,1,0,", lines[1]);
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Theory]
    [InlineData("from=2025-01-01&to=2026-06-30", "at most 366 days")]
    [InlineData("groupBy=colour", "Unknown dimension 'colour'")]
    public async Task Bad_report_queries_are_refused_with_a_problem(string query, string reason)
    {
        var site = await TestSites.CreateAsync(Host.Grains);
        var response = await Send(HttpMethod.Get, $"/api/sites/{site}/reports?{query}", await Host.LoginAsync(site, "sup"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
    }

    [Fact]
    public async Task An_order_without_who_placed_it_is_refused_and_a_repeated_one_is_recorded_once()
    {
        var site = await TestSites.CreateAsync(Host.Grains);
        var supervisor = await Host.LoginAsync(site, "sup");

        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Post, $"/api/sites/{site}/orders", supervisor, new { orderId = "A-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Send(HttpMethod.Post, $"/api/sites/{site}/orders", supervisor, new { orderId = "A-1", customerId = "c-7" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/api/sites/{site}/orders", supervisor, new { orderId = "A-1", customerId = "c-7" })).StatusCode);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
