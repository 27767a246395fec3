using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Switchboard.Gateway.Dashboard;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Cluster mode: the dashboard is served by gateways that are Orleans clients, from the silo processes'
/// dashboard grains, and the operations account's cookie from one gateway opens it on the other (shared key ring).
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class ClusterDashboardTests(DatabaseServers servers) : RunningClusterTests(servers)
{
    [Fact]
    public async Task A_gateway_serves_the_dashboard_of_both_silos_to_operations_signed_in_on_the_other_gateway()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var login = await http.PostAsJsonAsync(new Uri(Cluster.GatewayA.BaseAddress, "/api/auth/login"),
            new { site = "_operations", login = "ops", password = ClusterNodes.DemoPassword });
        var cookie = SetCookieHeaderValue.ParseList(login.Headers.GetValues("Set-Cookie").ToList())
            .Single(c => c.Name == DashboardSignIn.CookieName);

        var page = await http.SendAsync(Get(Cluster.GatewayB, "/dashboard/", cookie));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync());

        // The dashboard grain samples the cluster once a second: ask until it has seen both silos.
        var expected = Cluster.Silos.Select(silo => $"127.0.0.1:{silo.SiloPort}@").ToList();
        var deadline = DateTime.UtcNow + ClusterChat.Failover;
        var listed = await ListedSilosAsync(http, cookie);
        while (!expected.All(prefix => listed.Any(address => address.StartsWith(prefix, StringComparison.Ordinal))))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the dashboard lists {string.Join(", ", listed)}, not both silos");
            await Task.Delay(ClusterChat.RetryPace);
            listed = await ListedSilosAsync(http, cookie);
        }
    }

    private async Task<List<string>> ListedSilosAsync(HttpClient http, SetCookieHeaderValue cookie)
    {
        var counters = await http.SendAsync(Get(Cluster.GatewayB, "/dashboard/DashboardCounters", cookie));
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        return (await counters.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hosts").EnumerateArray()
            .Select(host => host.GetProperty("siloAddress").GetString()!)
            .ToList();
    }

    private static HttpRequestMessage Get(GatewayNode gateway, string path, SetCookieHeaderValue cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseAddress, path));
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return request;
    }
}
