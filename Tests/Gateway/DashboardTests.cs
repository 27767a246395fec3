using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Switchboard.Gateway;
using Switchboard.Gateway.Dashboard;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// The Orleans Dashboard at /dashboard over real HTTP: the operations account only (not a site's supervisor, as it
/// shows every site), opened in a browser by the cookie its sign-in sets, which opens nothing else.
/// </summary>
public sealed class DashboardTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Dashboard = "/dashboard";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task An_anonymous_browser_opening_the_dashboard_is_sent_to_the_console_sign_in_while_api_calls_keep_their_401()
    {
        var site = await TestSites.CreateAsync(Host.Grains);
        using var http = Client();

        foreach (var page in new[] { Dashboard, $"{Dashboard}/", $"{Dashboard}/index.html" })
        {
            var response = await http.SendAsync(Request(page, accept: "text/html"));
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(DashboardSignIn.ConsoleSignIn, response.Headers.Location?.OriginalString);
        }
        // The dashboard's own calls ask for JSON, as does the console's; neither is a page to redirect.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Request($"{Dashboard}/ClusterStats", accept: "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Request($"/api/sites/{site}/monitor", accept: "text/html"))).StatusCode);
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("sup")]
    public async Task A_sites_operator_or_supervisor_is_forbidden_the_dashboard_and_their_sign_in_sets_no_cookie(string login)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        using var http = Client();

        var signedIn = await LoginAsync(http, site, login);
        var body = await signedIn.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Null, body.GetProperty("dashboard").ValueKind);
        Assert.DoesNotContain(DashboardCookies(signedIn), cookie => cookie.Value.Length > 0);
        var asSiteStaff = await http.SendAsync(Request($"{Dashboard}/", accept: "text/html", bearer: body.Str("token")));
        Assert.Equal(HttpStatusCode.Forbidden, asSiteStaff.StatusCode);
    }

    [Fact]
    public async Task The_operations_account_opens_no_site()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        using var http = Client();
        var token = (await (await OperationsLoginAsync(http)).Content.ReadFromJsonAsync<JsonElement>()).Str("token");

        var monitor = await http.SendAsync(Request($"/api/sites/{site}/monitor", accept: "application/json", bearer: token));

        Assert.Equal(HttpStatusCode.Forbidden, monitor.StatusCode);
    }

    [Fact]
    public async Task The_operations_sign_in_sets_a_cookie_that_opens_the_dashboard_and_nothing_else()
    {
        var site = await TestSites.CreateAsync(Host.Grains);
        using var http = Client();

        var login = await OperationsLoginAsync(http);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        var cookie = Assert.Single(DashboardCookies(login));

        Assert.Equal(Dashboard, body.Str("dashboard"));
        Assert.Equal(body.Str("token"), cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal(Dashboard, cookie.Path.ToString());
        Assert.False(cookie.Secure); // plain HTTP on loopback; HTTPS requests get Secure
        Assert.Equal(new GatewaySettings().OperatorTokenLifetime, cookie.MaxAge);

        var page = await http.SendAsync(Request($"{Dashboard}/", accept: "text/html", cookie: cookie));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync());

        // The dashboard's JSON answers from the silo's dashboard grain (which silos it lists is the browser test's to see).
        var counters = await http.SendAsync(Request($"{Dashboard}/DashboardCounters", accept: "application/json", cookie: cookie));
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await counters.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hosts").ValueKind);

        // Sent on purpose where a browser would not send it (its path is the dashboard's): still not accepted.
        var monitor = await http.SendAsync(Request($"/api/sites/{site}/monitor", accept: "application/json", cookie: cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, monitor.StatusCode);
    }

    [Fact]
    public async Task Through_the_dashboard_operations_reads_no_grain_state_and_no_live_log()
    {
        var site = await TestSites.CreateAsync(Host.Grains);
        using var http = Client();
        var cookie = Assert.Single(DashboardCookies(await OperationsLoginAsync(http)));

        var state = await http.SendAsync(Request(
            $"{Dashboard}/GrainState?grainId={site}&grainType=Switchboard.Grains.Sites.SiteGrain", accept: "application/json", cookie: cookie));
        var trace = await http.SendAsync(Request($"{Dashboard}/Trace", accept: "text/plain", cookie: cookie));

        Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);
        Assert.DoesNotContain("pbkdf2", await state.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, trace.StatusCode);
    }

    [Fact]
    public async Task Signing_out_or_an_operator_signing_in_on_the_same_browser_clears_the_cookie()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        using var http = Client();

        foreach (var clear in new Func<Task<HttpResponseMessage>>[]
        {
            () => http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout")),
            () => LoginAsync(http, site, "anna"),
        })
        {
            Assert.Single(DashboardCookies(await OperationsLoginAsync(http)));
            var cleared = Assert.Single(DashboardCookies(await clear()));
            Assert.Equal("", cleared.Value.ToString());
            Assert.Equal(Dashboard, cleared.Path.ToString());
            Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task The_dashboard_moves_to_the_configured_path_and_its_cookie_with_it()
    {
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string> { ["Dashboard:Path"] = "/ops/cluster/" });
        var site = await TestSites.CreateAsync(host.Grains);
        using var http = Client(host);

        var login = await OperationsLoginAsync(http);
        var cookie = Assert.Single(DashboardCookies(login));

        Assert.Equal("/ops/cluster", (await login.Content.ReadFromJsonAsync<JsonElement>()).Str("dashboard"));
        Assert.Equal("/ops/cluster", cookie.Path.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Request("/ops/cluster/", accept: "text/html", cookie: cookie))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Request($"{Dashboard}/", accept: "text/html", cookie: cookie))).StatusCode);
    }

    [Fact]
    public async Task Switched_off_there_is_no_dashboard_and_no_cookie()
    {
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string> { ["Dashboard:Enabled"] = "false" });
        var site = await TestSites.CreateAsync(host.Grains);
        using var http = Client(host);

        var login = await LoginAsync(http, site, "sup");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).Str("token");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(DashboardCookies(login));
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Request($"{Dashboard}/", accept: "text/html", bearer: token))).StatusCode);
    }

    private HttpClient Client() => Client(Host);

    /// <summary>A client of its own that shows redirects and keeps no cookies: each request carries exactly what the test gives it.</summary>
    private static HttpClient Client(GatewayHost host) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string site, string login) =>
        http.PostAsJsonAsync("/api/auth/login", new { site, login, password = TestSites.Password });

    /// <summary>The demo's operations account (no <c>Operations</c> section, the demo on): <c>ops</c> with the demo password.</summary>
    private static Task<HttpResponseMessage> OperationsLoginAsync(HttpClient http) =>
        http.PostAsJsonAsync("/api/auth/login", new { site = "_operations", login = "ops", password = GatewayHost.DemoPassword });

    private static HttpRequestMessage Request(string path, string accept, string? bearer = null, SetCookieHeaderValue? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        }
        return request;
    }

    private static IList<SetCookieHeaderValue> DashboardCookies(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [])
            .Where(cookie => cookie.Name == DashboardSignIn.CookieName)
            .ToList();
}
