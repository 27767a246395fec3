using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Tests.Campaigns;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;

namespace Switchboard.Tests.Browser;

/// <summary>
/// A supervisor opens Call campaigns from the console's Monitor in Chromium, starts a campaign there and watches its
/// counts move as the fake PBX dials, answers and ends its calls; then pauses it, downloads the results and finds it
/// with its counts on the Monitor.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CampaignsInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_starts_a_campaign_and_sees_its_counts_move_live_then_downloads_the_results()
    {
        await using var shop = await CampaignSite.StartAsync(fixture.Host);
        fixture.Host.Services.GetRequiredService<IConfiguration>()[$"Phone:Sites:{shop.Site}:SigningSecret"] = FakePbx.Secret;
        var id = await shop.CreateAsync(CampaignSite.Definition("order_confirmation", concurrency: 2, maxAttempts: 1));
        await shop.AddContactsAsync(id, Enumerable.Range(1, 3).Select(i => new
        {
            phone = $"+7900555000{i}", data = new { order = $"SB-{i}", items = new[] { new { name = "Sofa" } }, deliveryDate = "10 December" },
        }).ToArray());

        var problems = new List<string>();
        var page = await SignInAsync(problems, shop.Site);
        await page.ClickAsync("#monitor-tab");
        await page.ClickAsync("#campaigns-link");
        await Assertions.Expect(page).ToHaveTitleAsync("Call campaigns");
        var row = page.Locator($"tr[data-campaign='{id}']");
        await Assertions.Expect(Count(row, "queued")).ToHaveTextAsync("3");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Draft");

        await row.Locator("button[data-action=start]").ClickAsync();
        var first = (await shop.NextOriginateAsync()).Str("callId");
        await shop.NextOriginateAsync();
        await Assertions.Expect(Count(row, "calling")).ToHaveTextAsync("2");
        await Assertions.Expect(Count(row, "queued")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Running");

        await shop.Pbx.SendAsync(first, "call.answered");
        await shop.Pbx.SendAsync(first, "input.dtmf", new { digits = "1" });
        await shop.Pbx.SendAsync(first, "call.ended", new { reason = "completed" });
        // The freed line went to the third contact at once.
        await shop.NextOriginateAsync();
        await Assertions.Expect(Count(row, "yes")).ToHaveTextAsync("1");
        await Assertions.Expect(Count(row, "answered")).ToHaveTextAsync("1");
        await Assertions.Expect(Count(row, "calling")).ToHaveTextAsync("2");
        await Assertions.Expect(Count(row, "queued")).ToHaveTextAsync("0");
        await Assertions.Expect(Count(row, "remaining")).ToHaveTextAsync("2");

        await row.Locator("button[data-action=pause]").ClickAsync();
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Paused");
        await Assertions.Expect(row.Locator("button[data-action=resume]")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("button[data-action=csv]").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("contact,phone,customerId,name,state,step,attempt,callId", csv[0]);
        Assert.Contains(csv, line => line.Contains($",yes,0,1,{first},", StringComparison.Ordinal));
        Assert.Equal(4, csv.Length);

        // The supervisor's Monitor lists the campaign in progress with its counts too.
        await page.GotoAsync("/console/");
        var live = page.Locator($"#monitor-campaigns tr[data-campaign='{id}']");
        await Assertions.Expect(live.Locator("td.state")).ToHaveTextAsync("paused");
        await Assertions.Expect(live.Locator("td[data-count=yes]")).ToHaveTextAsync("1");
        await Assertions.Expect(live.Locator("td[data-count=remaining]")).ToHaveTextAsync("2");
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task A_supervisor_creates_a_campaign_with_the_form_uploads_a_contact_file_sees_its_bad_row_and_starts_it()
    {
        await using var shop = await CampaignSite.StartAsync(fixture.Host);
        fixture.Host.Services.GetRequiredService<IConfiguration>()[$"Phone:Sites:{shop.Site}:SigningSecret"] = FakePbx.Secret;
        var problems = new List<string>();
        var page = await SignInAsync(problems, shop.Site);
        await page.ClickAsync("#monitor-tab");
        await page.ClickAsync("#campaigns-link");
        await Assertions.Expect(page).ToHaveTitleAsync("Call campaigns");

        await page.ClickAsync("#campaign-new-toggle");
        await Assertions.Expect(page.Locator("#campaign-prompt-offer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\{quote\}"));
        await Assertions.Expect(page.Locator("#campaign-afterDays")).ToHaveValueAsync("3");
        await page.SelectOptionAsync("#campaign-kind", "order_confirmation");
        await Assertions.Expect(page.Locator("#campaign-prompt-crossSell")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\{accessory\}"));
        await Assertions.Expect(page.Locator("#campaign-afterDays")).ToHaveValueAsync("0");
        await page.FillAsync("#campaign-name", "Sofa orders");
        await page.FillAsync("#campaign-from", "00:00");
        await page.FillAsync("#campaign-to", "00:00");
        await page.FillAsync("#campaign-concurrency", "0");
        await page.FillAsync("#campaign-maxAttempts", "1");
        await page.ClickAsync("#campaign-create");
        await Assertions.Expect(page.Locator("#campaign-form-error")).ToContainTextAsync("concurrency must be 1 to 1000");
        await Assertions.Expect(page.Locator("#campaign-concurrency")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#campaign-concurrency")).ToHaveAttributeAsync("aria-describedby", "campaign-form-error");

        await page.FillAsync("#campaign-concurrency", "2");
        await page.ClickAsync("#campaign-create");
        await Assertions.Expect(page.Locator("#campaign-contacts-title")).ToHaveTextAsync("Contacts of “Sofa orders”");
        await Assertions.Expect(page.Locator("#campaign-form-error")).ToBeEmptyAsync();
        await page.SetInputFilesAsync("#contacts-file", new FilePayload
        {
            Name = "orders.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("""
                phone,name,data.order,data.items,data.deliveryDate
                +79005550101,Ivan,SB-1,"Sofa, cushions",10 December
                +7 900 555 01 02,,SB-2,Lamp,11 December
                call me,,SB-3,Lamp,11 December
                +79005550104,,SB-4,Chair,12 December
                """),
        });
        await page.ClickAsync("#contacts-upload");
        await Assertions.Expect(page.Locator("#contacts-summary")).ToHaveTextAsync("Added 3, refused 1, duplicates 0.");
        await Assertions.Expect(page.Locator("#contacts-problems li")).ToHaveTextAsync(["Row 3: phone 'call me' is not a number in international format (+, then 8 to 15 digits)"]);

        var row = page.Locator("tr[data-campaign]", new() { HasText = "Sofa orders" });
        await Assertions.Expect(Count(row, "queued")).ToHaveTextAsync("3");
        await row.Locator("button[data-action=start]").ClickAsync();
        var first = await shop.NextOriginateAsync();
        await shop.NextOriginateAsync();
        await Assertions.Expect(Count(row, "calling")).ToHaveTextAsync("2");
        await shop.Pbx.SendAsync(first.Str("callId"), "call.answered");
        await shop.Pbx.SendAsync(first.Str("callId"), "input.dtmf", new { digits = "1" });
        await shop.Pbx.SendAsync(first.Str("callId"), "call.ended", new { reason = "completed" });
        await shop.NextOriginateAsync();
        await Assertions.Expect(Count(row, "yes")).ToHaveTextAsync("1");
        await Assertions.Expect(Count(row, "queued")).ToHaveTextAsync("0");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Running");
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task The_new_campaign_form_asks_for_its_defaults_again_when_the_server_failed_once()
    {
        await using var shop = await CampaignSite.StartAsync(fixture.Host);
        var problems = new List<string>();
        var page = await SignInAsync(problems, shop.Site);
        await page.ClickAsync("#monitor-tab");
        await page.ClickAsync("#campaigns-link");
        await Assertions.Expect(page).ToHaveTitleAsync("Call campaigns");
        var asked = 0;
        await page.RouteAsync("**/campaigns/defaults?**", async route =>
        {
            if (Interlocked.Increment(ref asked) == 1)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 503, ContentType = "application/problem+json", Body = "{\"title\":\"Service unavailable\"}" });
                return;
            }
            await route.ContinueAsync();
        });

        await page.ClickAsync("#campaign-new-toggle");

        await Assertions.Expect(page.Locator("#campaign-prompt-offer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\{quote\}"));
        await Assertions.Expect(page.Locator("#campaign-form-error")).ToBeEmptyAsync();
        Assert.Equal(2, asked);
        BrowserProblems.None(problems);
    }

    private static ILocator Count(ILocator row, string name) => row.Locator($"td[data-count={name}]");

    private async Task<IPage> SignInAsync(List<string> problems, string site)
    {
        var page = await fixture.NewPageAsync(problems);
        await page.GotoAsync("/console/");
        await page.FillAsync("#login-site", site);
        await page.FillAsync("#login-name", "sup");
        await page.FillAsync("#login-password", TestSites.Password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        return page;
    }
}
