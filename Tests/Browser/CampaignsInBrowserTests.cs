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
/// counts move as the fake PBX dials, answers and ends its calls; then pauses it and downloads the results.
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
        Assert.Empty(problems);
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
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = 15_000 });
        return page;
    }
}
