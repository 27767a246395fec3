using Microsoft.Playwright;
using Switchboard.Contracts;
using Switchboard.Contracts.Operators;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// The supervisor's Monitor counts each operator's time in their status on by itself, starting again when the status
/// changes; the Reports page shows the operators' time for the same operator.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OperatorTimeInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_monitor_counts_the_time_in_status_and_the_reports_page_shows_operators_time()
    {
        var host = fixture.Host;
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 2, ["general"]));
        var anna = host.Grains.GetGrain<IOperatorGrain>(GrainKeys.Operator(site, "anna"));
        await anna.SetStatus(OperatorStatus.Online);
        var problems = new List<string>();
        var console = await SignInAsync(problems, site, "sup");

        var row = console.Locator("#monitor-operators tr[data-operator-id=anna]");
        var time = row.Locator(".in-status");
        await Assertions.Expect(time).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0:\d\d$"));
        var shown = await time.TextContentAsync();
        // The count goes on between snapshots, by the browser's own ticking.
        await Assertions.Expect(time).Not.ToHaveTextAsync(shown!);
        await Assertions.Expect(time).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^In this status for 0:"));

        await anna.SetStatus(OperatorStatus.Away);
        await Assertions.Expect(row.Locator(".status")).ToContainTextAsync("Away");
        await Assertions.Expect(time).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0:0\d$"));

        await console.ClickAsync("#reports-link");
        await Assertions.Expect(console).ToHaveTitleAsync("Reports");
        var line = console.Locator("#operator-time-table tbody tr[data-operator=anna]");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line.Locator("td.online")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0:0\d$"));
        await Assertions.Expect(console.Locator("#operator-time-table thead th").Nth(5)).ToHaveTextAsync("In chats");
        var download = await console.RunAndWaitForDownloadAsync(() => console.ClickAsync("#operator-time-csv"));
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("period,operator,online,away,offline,inChats,atFullCapacity,freeSeatShare", csv[0]);
        Assert.Contains(csv.Skip(1), l => l.Contains(",anna,", StringComparison.Ordinal));
        BrowserProblems.None(problems);
    }

    private async Task<IPage> SignInAsync(List<string> problems, string site, string login)
    {
        var page = await fixture.NewPageAsync(problems);
        await page.GotoAsync("/console/");
        await page.FillAsync("#login-site", site);
        await page.FillAsync("#login-name", login);
        await page.FillAsync("#login-password", TestSites.Password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        return page;
    }
}
