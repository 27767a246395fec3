using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class TransferInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Anna_transfers_a_chat_to_boris_with_a_note_the_visitor_never_sees()
    {
        var problems = new List<string>();
        var anna = await fixture.SignInAsync(problems, "anna");
        await anna.SelectOptionAsync("#status", "online");
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/");
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "I want to return an order");
        await store.ClickAsync("[data-sb=send]");
        await anna.Locator("#chats li[data-conversation-id]").ClickAsync();
        var boris = await fixture.SignInAsync(problems, "boris");
        await boris.SelectOptionAsync("#status", "online");

        await anna.ClickAsync("#transfer");
        await Assertions.Expect(anna.Locator("#transfer-target option[value='operator:boris']")).ToBeAttachedAsync();
        await anna.SelectOptionAsync("#transfer-target", "operator:boris");
        await anna.FillAsync("#transfer-note", "Returns are Boris's; order SB-1234");
        await anna.ClickAsync("#transfer-confirm");

        await Assertions.Expect(anna.Locator("#chats li[data-conversation-id]")).ToHaveCountAsync(0);
        await boris.Locator("#chats li[data-conversation-id]").ClickAsync();
        await Assertions.Expect(boris.Locator("#messages")).ToContainTextAsync("order SB-1234");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync("Boris");
        Assert.DoesNotContain("SB-1234", await store.Locator("[data-sb=messages]").InnerTextAsync());
        BrowserProblems.None(problems);
    }
}
