using Microsoft.Playwright;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser.Accessibility;

/// <summary>
/// The widget by keyboard alone, with a visible focus: Tab to the launcher, Enter, type, Enter sends, Escape closes,
/// End chat, a score. New messages arrive in a polite live region; with reduced motion nothing moves.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WidgetKeyboardInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The demo store's links and fields come before the widget, which is the last thing on the page.</summary>
    private const int MaxTabs = 80;

    /// <summary>The data-sb name of the widget element holding the focus, or null when the focus is outside the widget.</summary>
    private const string FocusedScript = "() => document.activeElement?.shadowRoot?.activeElement?.dataset.sb ?? null";

    private const string FocusedOutlineScript = """
        () => {
          const el = document.activeElement?.shadowRoot?.activeElement;
          const style = el && getComputedStyle(el);
          return style ? `${style.outlineStyle} ${style.outlineWidth}` : null;
        }
        """;

    [Fact]
    public async Task A_shopper_opens_the_chat_types_sends_closes_ends_and_rates_by_keyboard_and_hears_the_reply()
    {
        var problems = new List<string>();
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        await Assertions.Expect(store.Locator("[data-sb=launcher]")).ToBeVisibleAsync();

        await TabUntilAsync(store, "launcher", "Tab");
        Assert.Equal("solid 2px", await store.EvaluateAsync<string?>(FocusedOutlineScript));
        await store.Keyboard.PressAsync("Enter");
        await Assertions.Expect(store.Locator("[data-sb=panel]")).ToBeVisibleAsync();
        Assert.Equal("input", await FocusedAsync(store));

        var (anna, _) = await ChatPeers.OnlineOperatorAsync(fixture.Host, "demo", "anna", password: GatewayHost.DemoPassword);
        await store.Keyboard.TypeAsync("Does the hoodie come in green?");
        await store.Keyboard.PressAsync("Enter");
        var log = store.Locator("[data-sb=messages]");
        await Assertions.Expect(log).ToHaveAttributeAsync("role", "log");
        await Assertions.Expect(log).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(log.Locator("[data-from=visitor]:not([data-pending])")).ToContainTextAsync("come in green");

        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Yes, in olive green." });
        await Assertions.Expect(log.Locator("[data-from=operator]")).ToContainTextAsync("olive green");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync("Anna");

        await store.Keyboard.PressAsync("Escape");
        await Assertions.Expect(store.Locator("[data-sb=panel]")).ToBeHiddenAsync();
        Assert.Equal("launcher", await FocusedAsync(store));
        await Assertions.Expect(store.Locator("[data-sb=launcher]")).ToHaveAttributeAsync("aria-expanded", "false");
        await store.Keyboard.PressAsync("Enter");
        await Assertions.Expect(store.Locator("[data-sb=panel]")).ToBeVisibleAsync();
        Assert.Equal("input", await FocusedAsync(store));

        await TabUntilAsync(store, "close", "Tab");
        Assert.Equal("solid 2px", await store.EvaluateAsync<string?>(FocusedOutlineScript));
        await store.Keyboard.PressAsync("Enter");
        await Assertions.Expect(store.Locator("[data-sb=rating]")).ToBeVisibleAsync();
        // The End chat button is gone with the chat; the scores sit above the compose line.
        await TabUntilAsync(store, "rate", "Shift+Tab");
        await Assertions.Expect(store.Locator("[data-sb=rate][data-score='5']")).ToHaveAttributeAsync("aria-label", "5 of 5");
        await store.Keyboard.PressAsync("Enter");
        await Assertions.Expect(store.Locator("[data-sb=thanks]")).ToBeVisibleAsync();
        await anna.DisposeAsync();
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task With_reduced_motion_the_widget_neither_animates_nor_transitions()
    {
        var problems = new List<string>();
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await Assertions.Expect(store.Locator("[data-sb=panel]")).ToBeVisibleAsync();

        await store.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        Assert.Equal("sb-rise", await StyleAsync(store, "panel", "animationName"));
        Assert.Equal("0.15s", await StyleAsync(store, "launcher", "transitionDuration"));

        await store.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        Assert.Equal("none", await StyleAsync(store, "panel", "animationName"));
        Assert.Equal("0s", await StyleAsync(store, "launcher", "transitionDuration"));
        BrowserProblems.None(problems);
    }

    private static Task<string?> FocusedAsync(IPage page) => page.EvaluateAsync<string?>(FocusedScript);

    private static Task<string> StyleAsync(IPage page, string element, string property) => page.EvaluateAsync<string>(
        "([sb, property]) => getComputedStyle([...document.body.children].find((e) => e.shadowRoot)"
        + ".shadowRoot.querySelector(`[data-sb=${sb}]`))[property]",
        new[] { element, property });

    /// <summary>Presses <paramref name="key"/> until the widget's <paramref name="element"/> has the focus.</summary>
    private static async Task TabUntilAsync(IPage page, string element, string key)
    {
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            if (await FocusedAsync(page) == element)
            {
                return;
            }
            await page.Keyboard.PressAsync(key);
        }
        Assert.Fail($"{MaxTabs} presses of {key} never reached the widget's {element}; the focus is on {await FocusedAsync(page) ?? "the page"}");
    }
}
