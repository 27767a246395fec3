using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Campaigns;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;

namespace Switchboard.Tests.Campaigns;

/// <summary>A fresh site of the fixture's gateway with a PBX taking commands, and its supervisor's way to the campaigns' REST.</summary>
public sealed class CampaignSite : IAsyncDisposable
{
    private readonly bool _ownsCommands;

    private CampaignSite(GatewayHost host, string site, string token, FakeCommandReceiver commands, bool ownsCommands = false)
    {
        _ownsCommands = ownsCommands;
        Host = host;
        Site = site;
        Token = token;
        Commands = commands;
        Pbx = new FakePbx(host, site);
    }

    public GatewayHost Host { get; }
    public string Site { get; }
    public string Token { get; }
    public FakeCommandReceiver Commands { get; }
    public FakePbx Pbx { get; }

    /// <summary>An existing site, its PBX's <c>commandUrl</c> configured already (a host restarted over the same data).</summary>
    public static CampaignSite For(GatewayHost host, string site, string token, FakeCommandReceiver commands) => new(host, site, token, commands);

    public static async Task<CampaignSite> StartAsync(GatewayHost host)
    {
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 2, ["general"]));
        var commands = await FakeCommandReceiver.StartAsync();
        host.Services.GetRequiredService<IConfiguration>()[$"Phone:Sites:{site}:CommandUrl"] = commands.Url;
        return new CampaignSite(host, site, await host.LoginAsync(site, "sup"), commands, ownsCommands: true);
    }

    public static object Definition(string kind, int concurrency = 5, int maxAttempts = 3, int retryMinutes = 10, int? afterDays = 0, object? extra = null)
    {
        var definition = new Dictionary<string, object?>
        {
            ["name"] = "Test " + kind, ["kind"] = kind, ["afterDays"] = afterDays,
            ["callingHours"] = new { from = "00:00", to = "24:00" },
            ["concurrency"] = concurrency, ["maxAttempts"] = maxAttempts, ["retryMinutes"] = retryMinutes, ["language"] = "en",
        };
        foreach (var property in extra is null ? [] : JsonSerializer.SerializeToElement(extra).EnumerateObject().ToList())
        {
            definition[property.Name] = property.Value;
        }
        return definition;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null) =>
        Host.Http.SendAsync(new HttpRequestMessage(method, $"/api/sites/{Site}{path}")
        {
            Content = content,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) },
        });

    public async Task<string> CreateAsync(object definition)
    {
        using var response = await SendAsync(HttpMethod.Post, "/campaigns", JsonContent.Create(definition));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> AddContactsAsync(string id, object contacts)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts", JsonContent.Create(contacts));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> AddNdjsonAsync(string id, string lines) =>
        SendAsync(HttpMethod.Post, $"/campaigns/{id}/contacts", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

    public async Task<JsonElement> LifecycleAsync(string id, string step)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/campaigns/{id}/{step}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> ProgressAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/campaigns/{id}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task TickAsync(string id) => Host.Grains.GetGrain<ICampaignGrain>(GrainKeys.Campaign(Site, id)).Tick();

    /// <summary>The next originate the PBX received: its body as JSON.</summary>
    public async Task<JsonElement> NextOriginateAsync()
    {
        var (body, _) = await Commands.NextAsync(Waits.Signal);
        var command = JsonDocument.Parse(body).RootElement;
        Assert.Equal("originate", command.GetProperty("type").GetString());
        return command;
    }

    /// <summary>Fails if any command reaches the PBX within <see cref="Waits.Absence"/>.</summary>
    public async Task NoOriginateAsync()
    {
        var next = await Assert.ThrowsAsync<TimeoutException>(() => Commands.NextAsync(Waits.Absence));
        Assert.NotNull(next);
    }

    public ValueTask DisposeAsync() => _ownsCommands ? Commands.DisposeAsync() : ValueTask.CompletedTask;
}
