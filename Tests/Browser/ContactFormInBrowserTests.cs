using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Tests.Browser;

/// <summary>The embeddable contact form on a retailer's page, filled in and sent by keyboard as a shopper would.</summary>
[Trait("Category", "Browser")]
public sealed class ContactFormInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string HostPage = "<!doctype html><html lang=\"en\"><head><title>Contact</title></head><body><main>"
        + "<script src=\"/contact-form.js\" data-site=\"demo\" data-form=\"contact\" data-fields=\"order:Order number,message:Message*\"></script>"
        + "</main></body></html>";

    /// <summary>Labels match whole: "E-mail" is also inside "By e-mail".</summary>
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [Fact]
    public async Task A_shopper_asks_for_a_callback_through_the_form_by_keyboard_and_the_request_waits_with_its_fields()
    {
        var problems = new List<string>();
        var page = await fixture.NewPageAsync(problems);
        await page.RouteAsync("**/shop-contact.html", route => route.FulfillAsync(new() { ContentType = "text/html", Body = HostPage }));
        await page.GotoAsync("/shop-contact.html");

        // Sent empty: the status says what is wrong and the first missing field takes the focus.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Please check the highlighted fields.");
        await Assertions.Expect(page.GetByLabel("E-mail *", Exact)).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("E-mail *", Exact)).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Your name", Exact).FillAsync("Petr");
        await page.GetByLabel("Call me back", Exact).CheckAsync();
        await page.GetByLabel("Phone *", Exact).FillAsync("+7 900 555-44-33");
        await page.GetByLabel("Order number", Exact).FillAsync("B-77");
        await page.GetByLabel("Message *", Exact).FillAsync("Please call about the delivery.");
        await page.GetByLabel("Order number", Exact).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you! We have your request and will answer soon.");

        var visitorId = "form-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("79005554433")))[..24];
        var conversations = await fixture.Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor("demo", visitorId)).GetConversations();
        var events = await fixture.Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation("demo", Assert.Single(conversations)))
            .GetEvents(new Actor(ActorKind.Supervisor, "demo", "olga"), 0, 50);
        Assert.Equal(new Dictionary<string, string> { ["order"] = "B-77", ["message"] = "Please call about the delivery." },
            events.First(e => e.Type == EventTypes.Started).Form);
        Assert.Contains(events, e => e.Type == EventTypes.Callback && e.Phone == "+7 900 555-44-33");
        BrowserProblems.None(problems);
    }
}
