using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Crm;
using Switchboard.Gateway.Hosting;
using Switchboard.Silo.Crm;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>Which sites get a customer card without a configured CRM, and how the connector treats a CRM that stumbles.</summary>
public sealed class CustomerCardTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string LeftPhone = "+7 912 000-11-22";

    [Fact]
    public async Task Without_a_crm_endpoint_a_site_other_than_the_demo_is_told_no_crm_is_configured()
    {
        var host = fixture.Host;
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        var conversationId = await ChatWithPhoneAsync(host, site);

        var response = await AskForCardAsync(host, site, conversationId);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(CrmScope.NotConfiguredTitle, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
    }

    [Theory]
    [InlineData("Production", "Standalone", true, "demo", true)]
    [InlineData("Production", "Standalone", false, "demo", false)]
    [InlineData("Production", "Cluster", true, "demo", false)]
    [InlineData("Development", "Cluster", false, "demo", true)]
    [InlineData("Development", "Standalone", true, "shop", false)]
    public void The_demo_crm_answers_only_for_the_demo_site_in_Development_or_the_standalone_demo(
        string environment, string mode, bool demoEnabled, string site, bool hasCrm)
    {
        var scope = Scope(environment, mode, demoEnabled, crmEndpoint: "");

        Assert.Equal(hasCrm, scope.HasCrm(site));
    }

    [Fact]
    public void A_configured_crm_answers_for_every_site_and_the_demo_crm_is_not_served()
    {
        var scope = Scope("Production", "Cluster", demoEnabled: false, crmEndpoint: "https://crm.example.com");

        Assert.True(scope.HasCrm("shop"));
        Assert.False(scope.ServesDemoCrm);
    }

    [Theory]
    [InlineData("00:00:02", null, 2.0)]
    [InlineData(null, "0.5", 0.5)]
    [InlineData("00:00:04", "9", 4.0)]
    [InlineData(null, null, 3.0)]
    public void The_crm_timeout_is_read_from_Crm_Timeout_else_the_old_Crm_TimeoutSeconds(string? timeout, string? seconds, double expected)
    {
        var settings = new Dictionary<string, string?>();
        if (timeout is not null)
        {
            settings["Crm:Timeout"] = timeout;
        }
        if (seconds is not null)
        {
            settings["Crm:TimeoutSeconds"] = seconds;
        }
        using var services = CrmServices(settings);

        Assert.Equal(TimeSpan.FromSeconds(expected), services.GetRequiredService<IOptions<CrmOptions>>().Value.Timeout);
    }

    [Theory]
    [InlineData("Crm:Timeout", "-00:00:01")]
    [InlineData("Crm:Endpoint", "not a url")]
    public void A_wrong_crm_setting_is_refused_with_its_name(string key, string value)
    {
        using var services = CrmServices(new() { [key] = value });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CrmOptions>>().Value);
        Assert.Contains(key.Split(':')[1], refusal.Message);
    }

    [Fact]
    public async Task A_crm_that_answers_503_with_Retry_After_is_asked_again_and_its_card_shown()
    {
        var crm = new BusyOnceCrm();
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string> { ["Crm:Endpoint"] = "http://crm.invalid" },
            services: s => s.AddHttpClient(nameof(CrmClient)).ConfigurePrimaryHttpMessageHandler(() => crm));
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        var conversationId = await ChatWithPhoneAsync(host, site);

        var response = await AskForCardAsync(host, site, conversationId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Irina", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customer").Str("name"));
        Assert.Equal(2, crm.Requests);
    }

    private static CrmScope Scope(string environment, string mode, bool demoEnabled, string crmEndpoint) => new(
        Options.Create(new CrmOptions { Endpoint = crmEndpoint }),
        Options.Create(new DemoOptions { Enabled = demoEnabled }),
        new HostingEnvironment { EnvironmentName = environment },
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Mode"] = mode }).Build());

    private static ServiceProvider CrmServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCrm(configuration).BuildServiceProvider();
    }

    /// <summary>A chat on <paramref name="site"/> whose visitor left a phone, so there is someone to look up.</summary>
    private static async Task<string> ChatWithPhoneAsync(GatewayHost host, string site)
    {
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Where is my order?" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await visitor.SendAsync(new { type = "callback", id = "cb", phone = LeftPhone });
        await visitor.ExpectAsync("callback");
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
        return conversationId;
    }

    private static async Task<HttpResponseMessage> AskForCardAsync(GatewayHost host, string site, string conversationId, string? confirmedPhone = LeftPhone)
    {
        var query = confirmedPhone is null ? "" : $"?confirmedPhone={Uri.EscapeDataString(confirmedPhone)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/conversations/{conversationId}/customer{query}");
        request.Headers.Authorization = new("Bearer", await host.LoginAsync(site, "anna"));
        return await host.Http.SendAsync(request);
    }

    /// <summary>A CRM that is busy the first time (503, come back at once) and answers with a card after that.</summary>
    private sealed class BusyOnceCrm : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _requests) == 1)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new(TimeSpan.Zero);
                return Task.FromResult(busy);
            }
            var card = new { customer = new { id = "c1", name = "Irina" }, orders = Array.Empty<object>() };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(card) });
        }
    }
}
