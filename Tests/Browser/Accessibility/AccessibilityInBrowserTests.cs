using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Grains.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser.Accessibility;

/// <summary>
/// axe-core's WCAG 2.1 A/AA rules over every state of the widget, the contact form, the console's sign-in, chats and
/// monitor, and the reports page, each opened in Chromium as a shopper, an operator and a supervisor would.
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

        await console.FillAsync("#login-site", "demo");
        await console.FillAsync("#login-name", "anna");
        await console.FillAsync("#login-password", GatewayHost.DemoPassword);
        await console.ClickAsync("#login-submit");
        await Assertions.Expect(console.Locator("#connection")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = 15_000 });
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

        var supervisor = await fixture.SignInAsync(problems, "olga");
        await supervisor.ClickAsync("#monitor-tab");
        await Assertions.Expect(supervisor.Locator("#monitor-operators tbody tr")).Not.ToHaveCountAsync(0);
        await audit.CheckAsync(supervisor, "supervisor monitor with data");

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

        audit.AssertNoViolations();
        Assert.Empty(problems);
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
        Assert.Empty(problems);
    }
}
