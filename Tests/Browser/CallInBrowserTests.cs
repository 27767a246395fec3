using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;

namespace Switchboard.Tests.Browser;

/// <summary>
/// A phone call rings in the operator's console with the caller's number and card (with what the caller answered the
/// robot's campaign calls, as the CRM keeps it); Accept puts it through at the PBX.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CallInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Secret = "pbx-browser-secret";
    private const string Caller = "+79005550777";

    [Fact]
    public async Task An_offered_call_rings_for_anna_who_accepts_it_and_the_pbx_is_told_to_connect_her()
    {
        using (var written = await fixture.Host.Http.PostAsJsonAsync("/demo-crm/customers/answers", new
        {
            campaign = "Sofa quotes", kind = "quote_reminder", question = "offer", answer = "yes",
            at = DateTimeOffset.Parse("2026-12-01T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture), site = "demo", phone = Caller,
        }))
        {
            Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);
        }
        await using var pbxCommands = await FakeCommandReceiver.StartAsync();
        var supervisor = await fixture.Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword);
        using (var configure = new HttpRequestMessage(HttpMethod.Put, "/api/sites/demo/channels/phone")
        {
            Content = JsonContent.Create(new { signingSecret = Secret, commandUrl = pbxCommands.Url }),
        })
        {
            configure.Headers.Authorization = new("Bearer", supervisor);
            Assert.Equal(HttpStatusCode.NoContent, (await fixture.Host.Http.SendAsync(configure)).StatusCode);
        }
        var problems = new List<string>();
        var anna = await fixture.SignInAsync(problems, "anna");
        await anna.SelectOptionAsync("#status", "online");
        var pbx = new FakePbx(fixture.Host, "demo", Secret);

        var offered = await pbx.SendAsync(pbx.Event("b-1", "call.offered", from: Caller));

        Assert.Equal("enqueue", offered[^1].Str("type"));
        await Assertions.Expect(anna.Locator("#ringing")).ToBeVisibleAsync();
        await Assertions.Expect(anna.Locator("#ringing-caller")).ToContainTextAsync(Caller);
        await Assertions.Expect(anna.Locator("#chats li.ringing")).ToHaveCountAsync(1);
        await Assertions.Expect(anna.Locator("#customer-panel")).ToBeVisibleAsync();
        await Assertions.Expect(anna.Locator("#customer-answers-box")).ToBeHiddenAsync();
        // A caller ID is looked up only once the operator confirms it with the caller.
        await anna.ClickAsync("#customer-confirm");
        var answer = anna.Locator("#customer-answers li[data-answer=yes]");
        await Assertions.Expect(answer).ToContainTextAsync("Sofa quotes · quote reminder");
        await Assertions.Expect(answer).ToContainTextAsync("Offer: yes");
        await anna.ClickAsync("#call-accept");
        var (body, _) = await pbxCommands.NextAsync(Waits.Browser);
        var connect = JsonDocument.Parse(body).RootElement.GetProperty("commands")[0];
        Assert.Equal(("connect", "anna"), (connect.Str("type"), connect.GetProperty("operator").Str("id")));
        await Assertions.Expect(anna.Locator("#ringing")).ToBeHiddenAsync();
        await Assertions.Expect(anna.Locator("#messages")).ToContainTextAsync("answered the call");
        BrowserProblems.None(problems);
    }
}
