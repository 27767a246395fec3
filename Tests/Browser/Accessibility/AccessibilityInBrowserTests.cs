using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser.Accessibility;

/// <summary>
/// axe-core's WCAG 2.1 A/AA rules over every state of the widget (its pre-chat form too), the contact form, the
/// console's sign-in, chats and monitor, and the reports page, each opened in Chromium as a shopper, an operator and a
/// supervisor would.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccessibilityInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string ContactPage = "<!doctype html><html lang=\"en\"><head><title>Contact</title></head><body><main>"
        + "<h1>Contact us</h1><script src=\"/contact-form.js\" data-site=\"demo\" data-form=\"contact\" "
        + "data-fields=\"order:Order number,message:Message*\"></script></main></body></html>";

    [Fact]
    public async Task The_widget_console_monitor_and_reports_have_no_violations_in_any_state_of_a_chat()
    {
        var problems = new List<string>();
        var audit = new AxeAudit();

        var console = await fixture.NewPageAsync(problems);
        await console.GotoAsync("/console/");
        await Assertions.Expect(console.Locator("#login-submit")).ToBeVisibleAsync();
        await audit.CheckAsync(console, "console sign-in");

        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        await Assertions.Expect(store.Locator("[data-sb=launcher]")).ToBeVisibleAsync();
        await audit.CheckAsync(store, "widget closed");

        await store.ClickAsync("[data-sb=launcher]");
        await Assertions.Expect(store.Locator("[data-sb=queue]")).ToBeVisibleAsync();
        await audit.CheckAsync(store, "widget open");

        // Nobody is online yet: the chat waits in the queue ("Connecting you…" until a position is known).
        await store.FillAsync("[data-sb=input]", "Is this hoodie available in M?");
        await store.ClickAsync("[data-sb=send]");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync(new Regex("Connecting you|in the queue"));
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=visitor]:not([data-pending])")).ToHaveCountAsync(1);
        await audit.CheckAsync(store, "widget queued");

        // The overflow reply offers a callback; its phone form is a state of its own.
        await store.ClickAsync("[data-sb=callback]");
        await Assertions.Expect(store.Locator("[data-sb=phone]")).ToBeVisibleAsync();
        await audit.CheckAsync(store, "widget callback form");

        await console.FillAsync("#login-site", "demo");
        await console.FillAsync("#login-name", "anna");
        await console.FillAsync("#login-password", GatewayHost.DemoPassword);
        await console.ClickAsync("#login-submit");
        await Assertions.Expect(console.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await console.SelectOptionAsync("#status", "online");
        var chat = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chat).ToHaveCountAsync(1);
        await chat.ClickAsync();
        await console.FillAsync("#reply", "Yes, size M is in stock.");
        await console.ClickAsync("#send");
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=operator]")).ToContainTextAsync("size M is in stock");
        await Assertions.Expect(console.Locator("#messages .msg[data-from=operator]")).ToContainTextAsync("size M is in stock");
        await audit.CheckAsync(store, "widget chatting");
        await audit.CheckAsync(console, "console with a chat");

        await console.ClickAsync("#cobrowse-request");
        await Assertions.Expect(store.Locator("[data-sb=cb-ask]")).ToBeVisibleAsync();
        await audit.CheckAsync(store, "widget co-browsing consent");
        await store.ClickAsync("[data-sb=cb-deny]");
        await Assertions.Expect(store.Locator("[data-sb=cb-ask]")).ToBeHiddenAsync();

        var supervisor = await fixture.SignInAsync(problems, "olga");
        await supervisor.ClickAsync("#monitor-tab");
        await Assertions.Expect(supervisor.Locator("#monitor-operators tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.Locator("#monitor-operators tr[data-operator-id=anna] .in-status")).ToHaveTextAsync(new Regex(@"^\d+:\d\d"));
        await audit.CheckAsync(supervisor, "supervisor monitor with data and time in status");

        await store.ClickAsync("[data-sb=close]");
        await Assertions.Expect(store.Locator("[data-sb=rating]")).ToBeVisibleAsync();
        await audit.CheckAsync(store, "widget rating");
        await store.ClickAsync("[data-sb=rate][data-score='5']");
        await Assertions.Expect(store.Locator("[data-sb=thanks]")).ToBeVisibleAsync();
        await audit.CheckAsync(store, "widget thanked");

        // The closed chat in the reports, once the projector has read it.
        await fixture.Host.Services.GetRequiredService<ReportProjector>().CatchUpAsync();
        await supervisor.ClickAsync("#reports-link");
        await Assertions.Expect(supervisor).ToHaveTitleAsync("Reports");
        await Assertions.Expect(supervisor.Locator("#report-table tbody tr")).Not.ToHaveCountAsync(0);
        await audit.CheckAsync(supervisor, "reports");

        // Anna, still online, invites a shopper browsing the store: the invitation bubble beside the closed widget.
        var shopper = await fixture.NewPageAsync(problems);
        await shopper.GotoAsync("/product/wool-scarf");
        await Assertions.Expect(shopper.Locator("[data-sb=launcher]")).ToBeVisibleAsync();
        await console.ClickAsync("#visitors-tab");
        // Found by the page they are on: the shopper of the chat above is in the list too.
        await console.Locator("#visitors li[data-visitor-id]:has(.visitor-page[title$='/product/wool-scarf']) button.invite").ClickAsync();
        await console.FillAsync("#invite-text", "Can I help you choose a size?");
        await console.ClickAsync("#invite-send");
        await Assertions.Expect(shopper.Locator("[data-sb=invite]")).ToBeVisibleAsync();
        await audit.CheckAsync(shopper, "widget invitation");

        audit.AssertNoViolations();
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task The_russian_ui_the_call_campaigns_page_and_the_widget_in_an_app_have_no_violations()
    {
        var problems = new List<string>();
        var audit = new AxeAudit();

        var store = await fixture.NewPageAsync(problems, "ru-RU");
        await store.GotoAsync("/product/cloud-hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await Assertions.Expect(store.Locator("[data-sb=send]")).ToHaveTextAsync("Отправить");
        await audit.CheckAsync(store, "widget open in Russian");

        var console = await fixture.SignInAsync(problems, "boris", "ru-RU");
        await Assertions.Expect(console.Locator("[data-i18n='chats.heading']")).ToHaveTextAsync("Мои чаты");
        await audit.CheckAsync(console, "console in Russian");

        var supervisor = await fixture.SignInAsync(problems, "olga");
        await supervisor.ClickAsync("#monitor-tab");
        await supervisor.ClickAsync("#campaigns-link");
        await Assertions.Expect(supervisor).ToHaveTitleAsync("Call campaigns");
        await audit.CheckAsync(supervisor, "call campaigns");
        await supervisor.ClickAsync("#campaign-new-toggle");
        await Assertions.Expect(supervisor.Locator("#campaign-prompt-offer")).Not.ToBeEmptyAsync();
        await supervisor.FillAsync("#campaign-name", "");
        await supervisor.ClickAsync("#campaign-create");
        await Assertions.Expect(supervisor.Locator("#campaign-form-error")).Not.ToBeEmptyAsync();
        await audit.CheckAsync(supervisor, "new campaign form with an error shown");

        // The widget as a retailer's app shows it: full screen in a phone-sized WebView, no launcher (docs/in-app.md).
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var app = await context.NewPageAsync();
        app.PageError += (_, error) => problems.Add($"script error on {app.Url}: {error}");
        await app.GotoAsync("/?embed=app");
        await Assertions.Expect(app.Locator("[data-sb=panel]")).ToBeVisibleAsync();
        await audit.CheckAsync(app, "widget in app mode");
        await context.CloseAsync();

        audit.AssertNoViolations();
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task The_pre_chat_form_has_no_violations_empty_or_with_its_errors_shown()
    {
        // The demo site's queues ask for no fields (docs/routing.md): its stylist queue asks for two here, and only a
        // visitor who picks that queue sees them, so the other tests' chats (to any queue) are as before.
        var demo = fixture.Host.Grains.GetGrain<ISiteGrain>(GrainKeys.Site("demo"));
        var stylist = (await demo.GetConfig())!.FindQueue("stylist")!;
        await demo.UpsertQueue(stylist with { Form = [new FormField("order", "Order number", false), new FormField("email", "E-mail", true)] });
        try
        {
            var problems = new List<string>();
            var audit = new AxeAudit();
            var page = await fixture.NewPageAsync(problems);
            await page.GotoAsync("/product/cloud-hoodie");
            await page.ClickAsync("[data-sb=launcher]");
            await page.SelectOptionAsync("[data-sb=queue]", "stylist");
            await Assertions.Expect(page.Locator("[data-sb=form-field]")).ToHaveCountAsync(2);
            await audit.CheckAsync(page, "widget pre-chat form");

            await page.FillAsync("[data-sb=input]", "Which size fits me?");
            await page.ClickAsync("[data-sb=send]");
            await Assertions.Expect(page.Locator("[data-sb=error]")).ToHaveTextAsync("Please fill in the required fields");
            await audit.CheckAsync(page, "widget pre-chat form with errors");

            audit.AssertNoViolations();
            BrowserProblems.None(problems);
        }
        finally
        {
            await demo.UpsertQueue(stylist);
        }
    }

    [Fact]
    public async Task The_contact_form_has_no_violations_empty_or_with_its_errors_shown()
    {
        var problems = new List<string>();
        var audit = new AxeAudit();
        var page = await fixture.NewPageAsync(problems);
        await page.RouteAsync("**/shop-contact.html", route => route.FulfillAsync(new() { ContentType = "text/html", Body = ContactPage }));
        await page.GotoAsync("/shop-contact.html");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        await audit.CheckAsync(page, "contact form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Please check the highlighted fields.");
        await audit.CheckAsync(page, "contact form with errors");

        audit.AssertNoViolations();
        BrowserProblems.None(problems);
    }
}
