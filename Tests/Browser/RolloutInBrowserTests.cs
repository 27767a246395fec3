using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>A pilot that shows the widget to a share of visitors, then grows: the visitors left out come in later.</summary>
[Trait("Category", "Browser")]
public sealed class RolloutInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Hidden = "switchboard:demo:hidden";

    [Fact]
    public async Task A_visitor_left_out_of_a_pilot_stays_hidden_for_twelve_hours_then_sees_the_grown_rollout()
    {
        var problems = new List<string>();
        await SetShareAsync(0);
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        // The welcome said "not you": the widget remembers it and takes itself off the page.
        await store.WaitForFunctionAsync($"() => localStorage.getItem('{Hidden}') !== null");
        await Assertions.Expect(store.Locator("[data-sb=launcher]")).ToHaveCountAsync(0);
        var hiddenUntil = double.Parse((await store.EvaluateAsync<string>($"() => localStorage.getItem('{Hidden}')"))!);
        var now = await store.EvaluateAsync<double>("() => Date.now()");
        Assert.InRange(hiddenUntil - now, TimeSpan.FromHours(11.9).TotalMilliseconds, TimeSpan.FromHours(12).TotalMilliseconds);

        // The pilot grows to everyone; twelve hours later (the stored deadline moved into the past) the visitor asks again.
        await SetShareAsync(100);
        await store.EvaluateAsync($"() => localStorage.setItem('{Hidden}', String(Date.now() - 1))");
        await store.ReloadAsync();

        await store.ClickAsync("[data-sb=launcher]");
        await Assertions.Expect(store.Locator("[data-sb=input]")).ToBeVisibleAsync();
        BrowserProblems.None(problems);
    }

    private async Task SetShareAsync(int percent)
    {
        var supervisor = await fixture.Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/sites/demo/invitations")
        {
            Content = JsonContent.Create(new { rules = Array.Empty<object>(), widgetSharePercent = percent }),
        };
        request.Headers.Authorization = new("Bearer", supervisor);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Host.Http.SendAsync(request)).StatusCode);
    }
}
