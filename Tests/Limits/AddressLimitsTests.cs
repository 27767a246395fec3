using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Switchboard.Contracts;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Limits;

/// <summary>What one client address may do: its own gateway per test, since every test here comes from loopback.</summary>
public sealed class AddressLimitsTests : IDisposable
{
    private const int NewVisitors = 2;
    private const int Sockets = 4;
    private const int AccountLogins = 2;

    private readonly TempDirectory _data = new();
    private readonly GatewayHost _host;

    public AddressLimitsTests() => _host = new GatewayHost(_data.Path, new Dictionary<string, string>
    {
        ["Limits:NewVisitorsPerAddress:PerMinute"] = "1",
        ["Limits:NewVisitorsPerAddress:Burst"] = $"{NewVisitors}",
        ["Limits:SocketsPerAddress"] = $"{Sockets}",
        ["Limits:LoginsPerAccount:PerMinute"] = "1",
        ["Limits:LoginsPerAccount:Burst"] = $"{AccountLogins}",
    });

    [Fact]
    public async Task Hellos_without_a_token_are_limited_per_address_and_so_are_open_sockets_but_returning_visitors_get_in()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var (first, welcome) = await ChatPeers.VisitorAsync(_host, site);
        var (second, _) = await ChatPeers.VisitorAsync(_host, site);

        var third = await TestSocket.ConnectAsync(_host.WebSocketUri($"/ws/visitor?site={site}"));
        await third.SendAsync(new { type = "hello" });
        Assert.Equal(ErrorCodes.RateLimited, (await third.ExpectAsync("error")).Str("code"));
        var (returning, again) = await ChatPeers.VisitorAsync(_host, site, new { type = "hello", visitorToken = welcome.Str("visitorToken") });
        Assert.Equal(welcome.Str("visitorId"), again.Str("visitorId"));

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(_host.WebSocketUri($"/ws/visitor?site={site}")));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        foreach (var socket in new[] { first, second, third, returning })
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task Logins_are_limited_per_account_whatever_the_password_and_other_accounts_are_unaffected()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var statuses = new List<HttpStatusCode>();
        foreach (var password in new[] { "wrong-one", TestSites.Password, TestSites.Password })
        {
            var response = await _host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.False(string.IsNullOrEmpty(await _host.LoginAsync(site, "sup")));
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
