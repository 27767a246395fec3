using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>Debian's Chromium, headless, driven by Playwright, against a gateway host of the fixture's own.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new();
    private IPlaywright? _playwright;

    public GatewayHost Host { get; private set; } = null!;
    /// <summary>Loses grain answers on demand: a test shows the widget and console ride out a refused call.</summary>
    public LostAnswers LostAnswers { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new GatewayHost(_data.Path, services: services => services.AddSingleton<IIncomingGrainCallFilter>(LostAnswers));
        // Playwright's assertions wait 5 s by default; on a loaded two-core runner a sign-in, a socket's hello or the
        // dashboard's first poll can pass that, so every assertion gets the browser's patience (a passing one returns
        // as soon as it holds).
        Assertions.SetDefaultExpectTimeout((float)Waits.Browser.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no outside network: keep Chromium from reaching for it.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser profile (own localStorage) in <paramref name="locale"/>, with its page's script errors and dialogs
    /// failing the test.
    /// </summary>
    public async Task<IPage> NewPageAsync(List<string> problems, string locale = "en-US") =>
        await NewPageInAsync(await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), Locale = locale }), problems);

    /// <summary>Another page (tab) of the same browser profile, its script errors and dialogs failing the test.</summary>
    public async Task<IPage> NewPageInAsync(IBrowserContext context, List<string> problems)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Waits.Browser.TotalMilliseconds);
        page.PageError += (_, error) => problems.Add($"script error on {page.Url}: {error}");
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"dialog opened: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>A console signed in to the demo site as <paramref name="login"/>, connected.</summary>
    public async Task<IPage> SignInAsync(List<string> problems, string login, string locale = "en-US")
    {
        var page = await NewPageAsync(problems, locale);
        await page.GotoAsync("/console/");
        await page.FillAsync("#login-site", "demo");
        await page.FillAsync("#login-name", login);
        await page.FillAsync("#login-password", GatewayHost.DemoPassword);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Host?.Dispose();
        _data.Dispose();
    }
}
