using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>A gateway process: its HTTP address and the sockets the widget and console would open on it.</summary>
public sealed class GatewayNode(ChildProcess process, Uri baseAddress) : IDisposable
{
    public ChildProcess Process { get; } = process;
    public Uri BaseAddress { get; } = baseAddress;
    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> LoginAsync(string site, string login, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { site, login, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public Task<TestSocket> VisitorSocketAsync(string site) =>
        TestSocket.ConnectAsync(new Uri($"ws://{BaseAddress.Authority}/ws/visitor?site={site}"));

    public Task<TestSocket> OperatorSocketAsync(string token) =>
        TestSocket.ConnectAsync(new Uri($"ws://{BaseAddress.Authority}/ws/operator?access_token={Uri.EscapeDataString(token)}"));

    public void Dispose() => Http.Dispose();
}
