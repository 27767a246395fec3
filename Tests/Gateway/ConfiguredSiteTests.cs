using System.Net;
using System.Net.Http.Json;
using Switchboard.Gateway.Sites;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>A retailer's own site from configuration: created at first start, set up by its supervisor over REST, then in use.</summary>
public sealed class ConfiguredSiteTests : IDisposable
{
    private const string Password = "acme-admin-pass-1";
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_configured_site_is_created_once_and_its_supervisor_sets_it_up_for_a_chat_from_the_shops_origin()
    {
        var settings = new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "false",
            ["Sites:0:Id"] = "acme",
            ["Sites:0:Name"] = "Acme Outfitters",
            ["Sites:0:AllowedOrigins:0"] = "https://shop.acme.example",
            ["Sites:0:AdminPassword"] = Password,
        };
        using (var host = new GatewayHost(_data.Path, settings))
        {
            var admin = await host.LoginAsync("acme", "admin", Password);
            using var add = new HttpRequestMessage(HttpMethod.Put, "/api/sites/acme/operators/ivan")
            {
                Content = JsonContent.Create(new { name = "Ivan", role = "operator", queues = new[] { "general" }, capacity = 3, password = "harbour-lights-7" }),
            };
            add.Headers.Authorization = new("Bearer", admin);
            Assert.True((await host.Http.SendAsync(add)).IsSuccessStatusCode);
        }

        // A restart with a different first password changes nothing: the site and its accounts are the REST API's now.
        settings["Sites:0:AdminPassword"] = "another-pass-2";
        using var restarted = new GatewayHost(_data.Path, settings);
        await restarted.LoginAsync("acme", "admin", Password);
        var token = await restarted.LoginAsync("acme", "ivan", "harbour-lights-7");
        await using var ivan = await TestSocket.ConnectAsync(await restarted.OperatorSocketUriAsync(token));
        await ivan.SendAsync(new { type = "hello" });
        await ivan.ExpectAsync("welcome");
        await ivan.SendAsync(new { type = "status", status = "online" });
        await ivan.ExpectAsync("status", f => f.Str("status") == "online");

        await using var visitor = await TestSocket.ConnectAsync(restarted.WebSocketUri("/ws/visitor?site=acme"), origin: "https://shop.acme.example");
        await visitor.SendAsync(new { type = "hello" });
        Assert.Equal("Acme Outfitters", (await visitor.ExpectAsync("welcome")).GetProperty("site").Str("name"));
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Do you ship to Kazan?" });
        Assert.Equal("Ivan", (await visitor.ExpectAsync("assigned")).GetProperty("operator").Str("name"));
        // With the demo turned off there is no demo site to sign in to.
        var demo = await restarted.Http.PostAsJsonAsync("/api/auth/login", new { site = "demo", login = "anna", password = GatewayHost.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Theory]
    [InlineData("Acme", "long-enough-pass")]
    [InlineData("1acme", "long-enough-pass")]
    [InlineData("acme", "short")]
    public void A_bad_entry_stops_the_start_with_a_message_that_names_it(string id, string password)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ConfiguredSites.Build(new ConfiguredSite { Id = id, AdminPassword = password }));
        Assert.Contains(id, error.Message);
    }

    public void Dispose() => _data.Dispose();
}
