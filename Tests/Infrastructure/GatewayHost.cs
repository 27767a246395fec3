using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// The real gateway (with its co-hosted silo and SQLite) on a real Kestrel port on loopback, over a data
/// directory the test chooses, so a second host over the same directory is a restart.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<Program>
{
    public const string DemoPassword = "demo-test-pass";

    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Test additions to the host's services, e.g. a grain call filter that injects faults.</param>
    public GatewayHost(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        _dataDirectory = dataDirectory;
        _settings = settings ?? new Dictionary<string, string>();
        _logs = logs;
        _services = services;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public Uri WebSocketUri(string pathAndQuery) => new($"ws://{BaseAddress.Authority}{pathAndQuery}");

    public async Task<string> LoginAsync(string site, string login, string password = TestSites.Password)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { site, login, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>The operator socket's address as the console builds it: a one-time ticket for the token, never the token itself.</summary>
    public async Task<Uri> OperatorSocketUriAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ws-ticket");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var ticket = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
        return WebSocketUri($"/ws/operator?ticket={ticket}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:OperatorPassword", DemoPassword);
        builder.UseSetting("Encryption:MasterKey", TestKeys.MasterKeyBase64);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }
        base.Dispose(disposing);
    }
}
