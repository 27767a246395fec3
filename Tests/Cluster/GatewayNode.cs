using System.Diagnostics;
using System.Net;
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

    /// <summary>The console's way in: a one-time ticket for the token (from this gateway; any gateway redeems it).</summary>
    public async Task<TestSocket> OperatorSocketAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ws-ticket");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var ticket = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!;
        return await TestSocket.ConnectAsync(new Uri($"ws://{BaseAddress.Authority}/ws/operator?ticket={ticket}"));
    }

    /// <summary>
    /// Asks <c>/health/ready</c> at the clients' retry pace until it answers <paramref name="expected"/>: readiness is a
    /// state of another process, with nothing to push to the test, so it is read until it holds or the time is up.
    /// </summary>
    public async Task WaitForReadinessAsync(HttpStatusCode expected, string what, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var last = HttpStatusCode.OK;
        while (deadline.Elapsed < timeout)
        {
            using var response = await Http.GetAsync("/health/ready");
            last = response.StatusCode;
            if (last == expected)
            {
                return;
            }
            await Task.Delay(ClusterChat.RetryPace);
        }
        throw new TimeoutException($"Expected {what} ({(int)expected}) from {Process.Name} within {timeout}; it still answers {(int)last}.");
    }

    public void Dispose() => Http.Dispose();
}
