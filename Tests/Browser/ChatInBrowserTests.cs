using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ChatInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2</script>";

    [Fact]
    public async Task A_visitor_on_the_demo_store_and_anna_in_the_console_chat_and_a_reload_keeps_the_conversation()
    {
        var problems = new List<string>();
        var console = await fixture.NewPageAsync(problems);
        await console.GotoAsync("/console/");
        await console.FillAsync("#login-site", "demo");
        await console.FillAsync("#login-name", "anna");
        await console.FillAsync("#login-password", GatewayHost.DemoPassword);
        await console.ClickAsync("#login-submit");
        await Assertions.Expect(console.Locator("#operator-name")).ToHaveTextAsync("Anna");
        await Assertions.Expect(console.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await console.SelectOptionAsync("#status", "online");

        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        await Assertions.Expect(store.Locator("h1")).ToContainTextAsync("Cloud hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "Is this hoodie available in M?");
        await store.ClickAsync("[data-sb=send]");
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=visitor]")).ToContainTextAsync("available in M");

        var chat = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chat).ToHaveCountAsync(1);
        await chat.ClickAsync();
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]")).ToContainTextAsync("available in M");
        await console.FillAsync("#reply", "Yes, size M is in stock.");
        await console.ClickAsync("#send");

        await Assertions.Expect(store.Locator("[data-sb=message][data-from=operator]")).ToContainTextAsync("size M is in stock");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync("Anna");

        await store.FillAsync("[data-sb=input]", Payload);
        await store.ClickAsync("[data-sb=send]");
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]").Last).ToContainTextAsync("<img src=x");

        await Screenshot(store, "store-chat");
        await Screenshot(console, "console-chat");

        await store.ReloadAsync();
        await store.ClickAsync("[data-sb=launcher]");
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=operator]")).ToContainTextAsync("size M is in stock");
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=visitor]")).ToHaveCountAsync(2);

        Assert.Null(await console.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Null(await store.EvaluateAsync<int?>("() => window.__xss ?? null"));
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task A_widget_and_a_console_whose_hello_went_unanswered_reconnect_by_themselves_and_chat()
    {
        var problems = new List<string>();
        // The first hello of each is answered "unavailable", as when a silo is busy or just died.
        fixture.LostAnswers.LoseNext("Subscribe", "demo");
        var console = await fixture.SignInAsync(problems, "boris");
        await console.SelectOptionAsync("#status", "online");
        fixture.LostAnswers.LoseNext("Hello", "demo");
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");

        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "Do you ship to Kazan?");
        await store.ClickAsync("[data-sb=send]");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync("Boris");
        var chat = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chat).ToHaveCountAsync(1);
        Assert.Equal(2, fixture.LostAnswers.Lost);
        BrowserProblems.None(problems);
    }

    /// <summary>What a person would see, kept beside the test binaries for a human to look at.</summary>
    private static Task Screenshot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"),
    });
}
