using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>Supervisors set up exports and the daily summary over REST; settings that cannot work are refused, naming the field.</summary>
public sealed class IntegrationSettingsApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task An_export_is_set_up_and_its_first_window_is_the_current_one()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var response = await Send(HttpMethod.Put, site, "/exports", await Host.LoginAsync(site, "sup"), new { enabled = true, intervalMinutes = 15 });
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = status.GetProperty("nextWindowFrom").GetDateTimeOffset();
        Assert.Equal(0, next.Minute % 15);
        Assert.InRange(DateTimeOffset.UtcNow - next, TimeSpan.Zero, TimeSpan.FromMinutes(15));
    }

    [Theory]
    [InlineData("/exports", """{"enabled":true,"intervalMinutes":7}""", "intervalMinutes")]
    [InlineData("/exports", """{"enabled":true,"intervalMinutes":2880}""", "intervalMinutes")]
    [InlineData("/exports", """{"enabled":true,"target":"ftp"}""", "target")]
    [InlineData("/exports", """{"enabled":true,"target":"http","url":"not a url"}""", "url")]
    [InlineData("/daily-summary", """{"enabled":true,"recipients":["not an address"]}""", "recipients")]
    [InlineData("/daily-summary", """{"enabled":true,"recipients":[]}""", "recipients")]
    [InlineData("/daily-summary", """{"enabled":true,"recipients":["head@shop.example"],"hourUtc":24}""", "hourUtc")]
    public async Task Settings_that_cannot_work_are_refused_naming_the_field(string path, string body, string field)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var response = await Send(HttpMethod.Put, site, path, await Host.LoginAsync(site, "sup"), JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"no problem named '{field}'");
    }

    [Fact]
    public async Task The_daily_summary_settings_are_kept()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");

        using var set = await Send(HttpMethod.Put, site, "/daily-summary", supervisor, new { enabled = true, recipients = new[] { "head@shop.example" }, hourUtc = 18 });
        using var read = await Send(HttpMethod.Get, site, "/daily-summary", supervisor);
        var settings = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(18, settings.GetProperty("hourUtc").GetInt32());
        Assert.Equal("head@shop.example", settings.GetProperty("recipients")[0].GetString());
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string site, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/sites/{site}{path}");
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await Host.Http.SendAsync(request);
    }
}
