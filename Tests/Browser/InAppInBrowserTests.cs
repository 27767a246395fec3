using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// The widget inside a retailer's app, in a phone-sized Chromium page standing in for the WebView: it fills the
/// screen without a launcher, and talks to the app through the documented bridge (docs/in-app.md).
/// </summary>
[Trait("Category", "Browser")]
public sealed class InAppInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>What an Android app's addJavascriptInterface object would receive, recorded on the page.</summary>
    private const string Bridge = """
        window.__bridge = { unread: [], closed: 0 };
        window.SwitchboardBridge = { onUnread: (n) => window.__bridge.unread.push(n), onClose: () => window.__bridge.closed++ };
        """;

    [Fact]
    public async Task In_app_mode_the_widget_fills_the_screen_and_reports_unread_replies_and_its_close_to_the_app()
    {
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var app = await context.NewPageAsync();
        app.PageError += (_, error) => problems.Add($"script error on {app.Url}: {error}");
        await app.AddInitScriptAsync(Bridge);
        await app.GotoAsync("/?embed=app");

        var panel = app.Locator("[data-sb=panel]");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(app.Locator("[data-sb=launcher]")).ToBeHiddenAsync();
        var box = (await panel.BoundingBoxAsync())!;
        Assert.Equal((0f, 0f, 390f, 844f), (box.X, box.Y, box.Width, box.Height));

        await app.EvaluateAsync("() => Switchboard.setPushToken('device-token-7', 'android')");
        await app.FillAsync("[data-sb=input]", "Is the blue scarf in stock?");
        await app.ClickAsync("[data-sb=send]");
        await console.Locator("#chats li[data-conversation-id]").First.ClickAsync();
        await console.FillAsync("#reply", "Yes, three left.");
        await console.ClickAsync("#send");
        await Assertions.Expect(app.Locator("[data-sb=message][data-from=operator]")).ToContainTextAsync("three left");

        await app.EvaluateAsync("() => Switchboard.close()");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await console.FillAsync("#reply", "Shall I hold one for you?");
        await console.ClickAsync("#send");
        await app.WaitForFunctionAsync("() => window.__bridge.unread.at(-1) === 1");
        await app.EvaluateAsync("() => Switchboard.open()");
        await app.WaitForFunctionAsync("() => window.__bridge.unread.at(-1) === 0");

        Assert.Equal(1, await app.EvaluateAsync<int>("() => window.__bridge.closed"));
        var unread = await app.EvaluateAsync<int[]>("() => window.__bridge.unread");
        Assert.Equal(new[] { 1, 0 }, unread);
        BrowserProblems.None(problems);
        await context.CloseAsync();
    }
}
