using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Grains.Reports;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// A supervisor opens the Reports page from the console's Monitor in Chromium, filters by operator over the whole
/// range, and sees the table, the three charts and a CSV download with the same row.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportsInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_filters_the_report_sees_table_and_charts_and_downloads_the_csv()
    {
        var host = fixture.Host;
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        await AnsweredChatAsync(host, site);
        await host.Services.GetRequiredService<ReportProjector>().CatchUpAsync();

        var problems = new List<string>();
        var console = await SignInAsync(problems, site, "sup");
        await console.ClickAsync("#monitor-tab");
        await console.ClickAsync("#reports-link");
        await Assertions.Expect(console).ToHaveTitleAsync("Reports");
        // The page shows the last seven days on opening; the filters then ask for the whole range by operator.
        await Assertions.Expect(console.Locator("#report-table tbody tr")).Not.ToHaveCountAsync(0);
        await console.SelectOptionAsync("#report-granularity", "total");
        await console.SelectOptionAsync("#report-group", "operator");
        await console.FillAsync("#report-operator", "anna");
        await console.ClickAsync("#report-filters button[type=submit]");

        var row = console.Locator("#report-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("anna");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");      // offered
        await Assertions.Expect(console.Locator("#report-table thead th").Nth(1)).ToHaveTextAsync("Operator");
        await Assertions.Expect(console.Locator("#chart-load rect.bar")).ToHaveCountAsync(1);
        await Assertions.Expect(console.Locator("#chart-sl rect.bar")).ToHaveCountAsync(1);
        await Assertions.Expect(console.Locator("#chart-afr rect.bar title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^anna: "));

        var download = await console.RunAndWaitForDownloadAsync(() => console.ClickAsync("#report-csv"));
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("period,operator,offered,answered,missed,", csv[0]);
        Assert.Contains(csv.Skip(1), line => line.Contains(",anna,1,1,0,", StringComparison.Ordinal));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        BrowserProblems.None(problems);
    }

    /// <summary>A visitor's chat that anna answers and the visitor closes.</summary>
    private static async Task AnsweredChatAsync(GatewayHost host, string site)
    {
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Hi!" });
        await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        await visitor.SendAsync(new { type = "close" });
        await visitor.ExpectAsync("closed");
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
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
