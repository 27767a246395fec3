using Microsoft.Playwright;

namespace Switchboard.Tests.Browser;

/// <summary>
/// Co-browsing in Chromium (docs/cobrowsing.md): the demo checkout shared with an operator, its masked fields' values
/// never on the wire, the operator pointing and filling with consent, and every way a session stops.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CoBrowseInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string CardNumber = "4929 3816 5526 0719";
    private const string SecurityCode = "8531";
    private const string Password = "hunter2-Kept-Home";
    private const string LoyaltyNumber = "LOY-99887766";
    private static readonly string[] Secrets = [CardNumber, CardNumber.Replace(" ", ""), "5526 0719", SecurityCode, Password, LoyaltyNumber];

    private const string Russian = "ru-RU";
    private const string Frame = "document.getElementById('cobrowse-frame').contentDocument";

    [Fact]
    public async Task The_operator_sees_the_checkout_but_never_a_masked_value_and_points_and_fills_with_consent()
    {
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");
        var toOperator = Record(console, received: true);
        var store = await fixture.NewPageAsync(problems);
        var toGateway = Record(store, received: false);
        await store.GotoAsync("/checkout");
        await store.FillAsync("input[name=name]", "Ivan Petrov");
        await store.FillAsync("input[name=cardnumber]", CardNumber);
        await store.FillAsync("input[name=cvc]", SecurityCode);
        await store.FillAsync("input[name=password]", Password);
        await store.FillAsync("input[name=loyalty]", LoyaltyNumber);
        await ChatAsync(console, store, "How do I pay by card?", "Anna");

        await console.ClickAsync("#cobrowse-request");
        await Assertions.Expect(store.Locator("[data-sb=cb-ask]")).ToContainTextAsync("never your passwords or card numbers");
        await store.ClickAsync("[data-sb=cb-allow]");
        await Assertions.Expect(store.Locator("[data-sb=cb-bar]")).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("#cobrowse-state")).ToContainTextAsync("You see the visitor's page");
        await console.WaitForFunctionAsync($"() => {Frame}.querySelector('input[name=name]')?.value === 'Ivan Petrov'");

        // Typing after sharing began: the shown field follows, the masked ones send nothing.
        await store.FillAsync("input[name=name]", "Ivan Petrov Jr");
        await store.Locator("input[name=cardnumber]").PressSequentiallyAsync(" 1");
        await store.FillAsync("input[name=password]", Password + "!");
        await console.WaitForFunctionAsync($"() => {Frame}.querySelector('input[name=name]')?.value === 'Ivan Petrov Jr'");
        Assert.Equal(4, await console.EvaluateAsync<int>($"() => {Frame}.querySelectorAll('[data-sb-masked]').length"));
        Assert.Equal("", await console.EvaluateAsync<string>($"() => {Frame}.querySelector('[data-sb-private]').textContent.replace(/[•\\s]|Loyalty card/g, '')"));

        // Pointing at the name field outlines it for the visitor.
        await ClickInFrameAsync(console, "input[name=name]");
        await Assertions.Expect(store.Locator("[data-sb=cb-mark]")).ToBeVisibleAsync();

        // Filling needs a second yes; then the visitor sees the value arrive.
        await console.ClickAsync("#cobrowse-control");
        await Assertions.Expect(store.Locator("[data-sb=cb-control]")).ToContainTextAsync("fill in fields");
        await store.ClickAsync("[data-sb=cb-control-allow]");
        await Assertions.Expect(console.Locator("#cobrowse-state")).ToContainTextAsync("lets you fill in fields");
        await ClickInFrameAsync(console, "input[name=address]");
        await console.FillAsync("#cobrowse-value", "Nevsky prospekt 1");
        await console.ClickAsync("#cobrowse-fill-send");
        await Assertions.Expect(store.Locator("input[name=address]")).ToHaveValueAsync("Nevsky prospekt 1");
        await ClickInFrameAsync(console, "input[name=cardnumber]");
        await Assertions.Expect(console.Locator("#toast")).ToContainTextAsync("hidden from you");

        await store.ClickAsync("[data-sb=cb-stop]");
        await Assertions.Expect(console.Locator("#cobrowse")).ToBeHiddenAsync();
        await Assertions.Expect(store.Locator("[data-sb=cb-bar]")).ToBeHiddenAsync();

        var (sent, shown) = (Copy(toGateway), Copy(toOperator));
        Assert.Contains(sent, f => f.Contains("\"cobrowse_dom\"", StringComparison.Ordinal) && f.Contains("Ivan Petrov Jr", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(sent, f => f.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(shown, f => f.Contains(secret, StringComparison.Ordinal));
        }
        BrowserProblems.None(problems);
    }

    /// <summary>In Russian, as the seed retailers' shoppers and operators work: the consent and its answers are Russian too.</summary>
    [Fact]
    public async Task A_refusal_the_operator_stopping_the_visitor_leaving_and_the_chat_closing_each_end_it()
    {
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "boris", Russian);
        await console.SelectOptionAsync("#status", "online");
        var store = await fixture.NewPageAsync(problems, Russian);
        await store.GotoAsync("/checkout");
        await ChatAsync(console, store, "Посмотрите, пожалуйста, мою страницу заказа", "Boris");

        await Assertions.Expect(console.Locator("#cobrowse-request")).ToHaveTextAsync("Совместный просмотр");
        await console.ClickAsync("#cobrowse-request");
        await Assertions.Expect(store.Locator("[data-sb=cb-ask]")).ToContainTextAsync("Консультант просит показать ему эту страницу");
        await store.ClickAsync("[data-sb=cb-deny]");
        await Assertions.Expect(console.Locator("#toast")).ToContainTextAsync("отказался показать страницу");
        await Assertions.Expect(console.Locator("#cobrowse")).ToBeHiddenAsync();

        await SharedAsync(console, store, "Вы видите страницу посетителя");
        await Assertions.Expect(store.Locator("[data-sb=cb-bar]")).ToContainTextAsync("Консультант видит эту страницу");
        await console.ClickAsync("#cobrowse-stop");
        await Assertions.Expect(store.Locator("[data-sb=cb-bar]")).ToBeHiddenAsync();

        await SharedAsync(console, store, "Вы видите страницу посетителя");
        await store.GotoAsync("/cart");
        await Assertions.Expect(console.Locator("#toast")).ToContainTextAsync("перестал показывать страницу");
        await Assertions.Expect(console.Locator("#cobrowse")).ToBeHiddenAsync();

        await SharedAsync(console, store, "Вы видите страницу посетителя");
        await console.ClickAsync("#close-chat");
        await console.ClickAsync("#close-confirm");
        await Assertions.Expect(store.Locator("[data-sb=cb-bar]")).ToBeHiddenAsync();
        BrowserProblems.None(problems);
    }

    private static async Task SharedAsync(IPage console, IPage store, string sharing)
    {
        await Assertions.Expect(console.Locator("#cobrowse-request")).ToBeEnabledAsync();
        await console.ClickAsync("#cobrowse-request");
        await store.ClickAsync("[data-sb=cb-allow]");
        await Assertions.Expect(console.Locator("#cobrowse-state")).ToContainTextAsync(sharing);
        await Assertions.Expect(store.Locator("[data-sb=cb-bar]")).ToBeVisibleAsync();
    }

    private static async Task ChatAsync(IPage console, IPage store, string text, string operatorName)
    {
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", text);
        await store.ClickAsync("[data-sb=send]");
        var chat = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chat).ToHaveCountAsync(1);
        await chat.ClickAsync();
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]")).ToContainTextAsync(text);
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync(operatorName);
    }

    /// <summary>A click on the operator's view of the page, where the element is drawn (scaled).</summary>
    private static async Task ClickInFrameAsync(IPage console, string selector)
    {
        var at = await console.EvaluateAsync<double[]>($$"""
            () => {
              const frame = document.getElementById('cobrowse-frame');
              const r = {{Frame}}.querySelector('{{selector}}').getBoundingClientRect();
              const scale = frame.getBoundingClientRect().width / frame.offsetWidth;
              return [(r.left + r.width / 2) * scale, (r.top + r.height / 2) * scale];
            }
            """);
        await console.Locator("#cobrowse-glass").ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)at[0], Y = (float)at[1] } });
    }

    private static List<string> Copy(List<string> frames)
    {
        lock (frames)
        {
            return [.. frames];
        }
    }

    /// <summary>Every text frame the page's sockets send (to the gateway) or, with <paramref name="received"/>, receive.</summary>
    private static List<string> Record(IPage page, bool received)
    {
        var frames = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            if (received)
            {
                socket.FrameReceived += (_, frame) => { lock (frames) { frames.Add(frame.Text ?? ""); } };
            }
            else
            {
                socket.FrameSent += (_, frame) => { lock (frames) { frames.Add(frame.Text ?? ""); } };
            }
        };
        return frames;
    }
}
