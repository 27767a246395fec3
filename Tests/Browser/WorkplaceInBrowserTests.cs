using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>The operator's main flows and the supervisor's live page, in Chromium, against the real gateway.</summary>
[Trait("Category", "Browser")]
public sealed class WorkplaceInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] XssCorpus =
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=2\">",
        "<svg onload=\"window.__xss=3\"></svg>",
        "\"><iframe src=\"javascript:window.parent.__xss=4\"></iframe>",
        "<a href=\"javascript:window.__xss=5\">click</a>",
    ];

    [Fact]
    public async Task An_operator_answers_with_a_canned_response_sees_the_draft_and_cart_closes_with_a_tag_while_the_supervisor_watches_live()
    {
        var problems = new List<string>();
        var supervisor = await fixture.SignInAsync(problems, "olga");
        await Assertions.Expect(supervisor.Locator("#monitor")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator("#monitor-operators tr[data-operator-id=anna]")).ToBeVisibleAsync();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");
        await Assertions.Expect(supervisor.Locator("#monitor-operators tr[data-operator-id=anna] .status")).ToContainTextAsync("nline");

        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/wool-scarf");
        await store.ClickAsync("button:has-text('Add to cart')");
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "How long does delivery take?");
        await store.ClickAsync("[data-sb=send]");

        await console.Locator("#chats li[data-conversation-id]").ClickAsync();
        await Assertions.Expect(console.Locator("#visitor-panel")).ToContainTextAsync("Merino scarf");
        await Assertions.Expect(supervisor.Locator("#monitor-operators tr[data-operator-id=anna] .chats")).ToContainTextAsync("1/4");
        // The monitor names the chat's visitor as the operator's list does, beside who holds it and the queue.
        var held = supervisor.Locator("#monitor-active li[data-operator-id=anna]");
        await Assertions.Expect(held.Locator(".chat-visitor")).ToHaveTextAsync(await console.Locator("#chats li[data-conversation-id] .chat-name").InnerTextAsync());
        await Assertions.Expect(held.Locator(".chat-visitor .channel-web")).ToBeVisibleAsync();
        await Assertions.Expect(held).ToContainTextAsync("Anna");
        await Assertions.Expect(held.Locator(".chat-queue")).Not.ToBeEmptyAsync();
        await console.FillAsync("#reply", "/deliv");
        await Assertions.Expect(console.Locator("#canned-suggest .canned-item[data-shortcut='/delivery']")).ToBeVisibleAsync();
        await console.Locator("#reply").PressAsync("Tab");
        await Assertions.Expect(console.Locator("#reply")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Delivery takes 1–3 days"));
        await console.ClickAsync("#send");
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=operator]")).ToContainTextAsync("Delivery takes 1–3 days");
        await Assertions.Expect(supervisor.Locator("#afr")).Not.ToHaveTextAsync("—");

        await store.FillAsync("[data-sb=input]", "And to Kazan, how many da");
        await store.Locator("[data-sb=input]").PressAsync("s");
        await Assertions.Expect(console.Locator("#visitor-typing")).ToContainTextAsync("to Kazan");
        await store.FillAsync("[data-sb=input]", "My card is 4111 1111 1111 123");
        await store.Locator("[data-sb=input]").PressAsync("4");
        await Assertions.Expect(console.Locator("#visitor-typing")).ToContainTextAsync("1234");
        Assert.DoesNotContain("4111", await console.Locator("#visitor-typing").InnerTextAsync());
        foreach (var payload in XssCorpus)
        {
            await store.FillAsync("[data-sb=input]", payload);
            await store.ClickAsync("[data-sb=send]");
        }
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]").Last).ToContainTextAsync("javascript:window.__xss=5");

        await console.ClickAsync("#close-chat");
        await console.CheckAsync("#close-dialog .close-tag[value=delivery]");
        await console.ClickAsync("#close-confirm");
        await Assertions.Expect(store.Locator("[data-sb=rate]").First).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator("#monitor-operators tr[data-operator-id=anna] .chats")).ToContainTextAsync("0/4");

        foreach (var page in new[] { console, store, supervisor })
        {
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        }
        BrowserProblems.None(problems);
    }
}
