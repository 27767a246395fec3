using Microsoft.Playwright;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// A visitor who puts script in every field they control — name, page title and URL, referrer, cart items,
/// pre-chat form, messages, draft — and an operator console that must show it all as text and run nothing.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HostileVisitorInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    [Fact]
    public async Task Script_in_every_visitor_field_is_shown_as_text_in_the_console()
    {
        var grains = fixture.Host.Grains;
        var config = (await grains.GetGrain<ISiteGrain>(GrainKeys.Site("demo")).GetConfig())!;
        await grains.GetGrain<ISiteGrain>(GrainKeys.Site("demo")).UpsertQueue(config.FindQueue("general")! with
        {
            Form = [new FormField("company", "Company", false)],
        });
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");

        var identity = SignedIdentity.For(config.IdentitySecret, "c-1", DateTimeOffset.UtcNow.AddMinutes(10), name: Payload);
        var (visitor, _) = await ChatPeers.VisitorAsync(fixture.Host, "demo", new { type = "hello", identity });
        await visitor.SendAsync(new { type = "page", url = $"https://shop.example/product/x?utm_source={Uri.EscapeDataString(Payload)}", title = Payload, referrer = "javascript:window.__xss=3" });
        await visitor.SendAsync(new { type = "cart", items = new[] { new { sku = Payload, name = Payload, qty = 1, price = 10 } }, total = 10, currency = "<b>" });
        await visitor.SendAsync(new { type = "start_chat", id = "s1", queue = "general", text = Payload, form = new { company = Payload } });
        await visitor.ExpectAsync("ack");
        await visitor.SendAsync(new { type = "typing", draft = Payload });

        await console.Locator("#chats li[data-conversation-id]").ClickAsync();
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]").First).ToContainTextAsync("<script>");
        await Assertions.Expect(console.Locator("#chat-form")).ToContainTextAsync("<img src=x");
        await Assertions.Expect(console.Locator("#visitor-panel")).ToContainTextAsync("<script>");
        await console.ClickAsync("#visitors-tab");
        await Assertions.Expect(console.Locator("#visitors li[data-visitor-id]").First).ToBeVisibleAsync();

        Assert.Null(await console.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await console.Locator("#messages img, #visitor-panel img, #chat-form img, #visitors img, script:not([src])").CountAsync());
        BrowserProblems.None(problems);
        await visitor.DisposeAsync();
    }
}
