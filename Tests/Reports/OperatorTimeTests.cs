using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Switchboard.Contracts;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Sites;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Reports;

/// <summary>
/// Operators' time through the real product on a fake clock: status changes across the site's midnight, then the
/// product stopped and started again while the operator stays online, and the report read over HTTP.
/// </summary>
public sealed class OperatorTimeTests
{
    /// <summary>
    /// 22:00 in Moscow (+3, the site's zone) on the next evening to come: operator tokens expire by the real clock, so
    /// the fake one must not start in the past.
    /// </summary>
    private static readonly DateTimeOffset Evening = NextEvening();

    private static DateOnly Day => DateOnly.FromDateTime(Evening.ToOffset(TimeSpan.FromHours(3)).DateTime);

    [Fact]
    public async Task Time_is_split_at_the_sites_midnight_and_a_restart_does_not_lose_the_open_interval()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(Evening);
        var site = "t" + Guid.NewGuid().ToString("N")[..10];
        using (var before = Start(data.Path, clock))
        {
            await before.Grains.GetGrain<ISiteGrain>(GrainKeys.Site(site))
                .CreateIfAbsent(TestSites.Config(("anna", 2, ["general"])) with { TimeZone = "Europe/Moscow" });
            var anna = before.Grains.GetGrain<IOperatorGrain>(GrainKeys.Operator(site, "anna"));
            await anna.SetStatus(OperatorStatus.Online);
            clock.Advance(TimeSpan.FromMinutes(90));
            await anna.SetStatus(OperatorStatus.Away);      // 23:30
            clock.Advance(TimeSpan.FromMinutes(45));
            await anna.SetStatus(OperatorStatus.Online);    // 00:15 Tuesday, and online from here on
            // Two days show as soon as the first change is stored (its open interval runs past midnight to the clock's
            // now), so the wait is for Monday's away half hour, the second change, not just for two rows.
            var rows = await Eventually.Until(() => RowsAsync(before, site), r => r.Count == 2 && r[0].Away > 0, "Monday's away time in the report");
            Assert.Equal((5400, 1800), (rows[0].Online, rows[0].Away));
            clock.Advance(TimeSpan.FromMinutes(45));        // 01:00: the product stops
        }

        clock.Advance(TimeSpan.FromHours(1));               // 02:00: and starts again
        using var after = Start(data.Path, clock);
        var report = await RowsAsync(after, site);
        var status = await after.Grains.GetGrain<IOperatorGrain>(GrainKeys.Operator(site, "anna")).GetSnapshot();

        Assert.Equal(
            [(Midnight(Day), 5400, 1800, 0), (Midnight(Day.AddDays(1)), 6300, 900, 0)],
            report.Select(row => (row.Period, row.Online, row.Away, row.Offline)));
        Assert.Equal((OperatorStatus.Online, Evening.AddMinutes(135)), (status.Status, status.StatusSince));
        var csv = await (await Authorized(after, site, "format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith($"period,operator,online,away,offline,inChats,atFullCapacity,freeSeatShare\r\n{Day:yyyy-MM-dd}T00:00+03:00,anna,5400,1800,0,0,0,100\r\n", csv);
    }

    private static DateTimeOffset NextEvening()
    {
        var moscow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3));
        var evening = new DateTimeOffset(moscow.Date.AddHours(22), TimeSpan.FromHours(3));
        return evening > moscow ? evening : evening.AddDays(1);
    }

    private static string Midnight(DateOnly day) => $"{day:yyyy-MM-dd}T00:00:00+03:00";

    private sealed record Row(string Period, long Online, long Away, long Offline);

    private static async Task<List<Row>> RowsAsync(GatewayHost host, string site)
    {
        using var response = await Authorized(host, site, "");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("rows").EnumerateArray()
            .Select(row => new Row(row.GetProperty("period").GetString()!, row.GetProperty("online").GetInt64(),
                row.GetProperty("away").GetInt64(), row.GetProperty("offline").GetInt64()))
            .ToList();
    }

    private static async Task<HttpResponseMessage> Authorized(GatewayHost host, string site, string extra)
    {
        var token = await host.LoginAsync(site, "sup");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/reports/operator-time?from={Day:yyyy-MM-dd}&to={Day.AddDays(1):yyyy-MM-dd}&{extra}");
        request.Headers.Authorization = new("Bearer", token);
        return await host.Http.SendAsync(request);
    }

    private static GatewayHost Start(string data, FakeTimeProvider clock) => new(data, services: services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
    });
}
