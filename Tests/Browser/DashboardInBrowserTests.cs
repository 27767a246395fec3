using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans.Runtime;
using Switchboard.Gateway.Dashboard;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>A supervisor goes from the console to the Orleans Dashboard in Chromium, signed in by the cookie alone.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_follows_the_console_link_to_the_dashboard_which_lists_the_silo_and_signing_out_takes_the_cookie_away()
    {
        var problems = new List<string>();
        var operatorConsole = await fixture.SignInAsync(problems, "anna");
        await Assertions.Expect(operatorConsole.Locator("#dashboard-link")).ToBeHiddenAsync();
        var console = await fixture.SignInAsync(problems, "olga");
        var link = console.Locator("#dashboard-link");
        await Assertions.Expect(link).ToHaveTextAsync("Cluster dashboard");

        var dashboard = await console.RunAndWaitForPopupAsync(() => link.ClickAsync());
        dashboard.SetDefaultTimeout((float)Waits.Browser.TotalMilliseconds);
        dashboard.PageError += (_, error) => problems.Add($"dashboard script error: {error}");
        await Assertions.Expect(dashboard).ToHaveTitleAsync("Orleans Dashboard");
        await Assertions.Expect(dashboard.Locator(".info-box:has-text('Active Silos') .info-box-number")).ToHaveTextAsync("1");
        await dashboard.ClickAsync("#menu a:has-text('Silos')");
        var silo = fixture.Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        var row = dashboard.Locator($".card:has-text('Silo Health') tr:has(a[href='#/host/{silo}'])");
        await Assertions.Expect(row).ToContainTextAsync("Active");

        var cookie = Assert.Single(await console.Context.CookiesAsync(), c => c.Name == DashboardSignIn.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/dashboard", cookie.Path);
        // Closed first: a dashboard left open would fail its next refresh once the cookie is gone.
        await dashboard.CloseAsync();
        await console.RunAndWaitForResponseAsync(() => console.ClickAsync("#logout"), "**/api/auth/logout");
        Assert.DoesNotContain(await console.Context.CookiesAsync(), c => c.Name == DashboardSignIn.CookieName);
        await console.GotoAsync("/dashboard/");
        await Assertions.Expect(console.Locator("#login-screen")).ToBeVisibleAsync();
        Assert.Empty(problems);
    }
}
