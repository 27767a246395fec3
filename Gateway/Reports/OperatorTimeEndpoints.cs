using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Gateway.Reports;

/// <summary>The operators' time report (docs/reports.md, "Operators' time"), for a site's supervisors.</summary>
public static class OperatorTimeEndpoints
{
    private static readonly string[] Known = ["from", "to", "granularity", "operator", "format"];

    public static RouteGroupBuilder MapOperatorTimeReport(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reports/operator-time", Report)
            .WithSummary("How each operator spent each period: online, away, offline, in chats, at full capacity, share with a free seat")
            .WithDescription("from, to (yyyy-MM-dd, site's time zone, at most 366 days), granularity (hour, day, week, total), operator; format=csv for CSV.");
        return admin;
    }

    private static async Task<IResult> Report(string site, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var parameters = request.Query.ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString(), StringComparer.Ordinal);
        if (parameters.Keys.FirstOrDefault(key => !Known.Contains(key, StringComparer.Ordinal)) is { } unknown)
        {
            return TypedResults.Problem(statusCode: 400, title: $"Unknown parameter '{unknown}'; known: {string.Join(", ", Known)}.");
        }
        var (query, error) = ReportRequest.Parse(parameters, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (query is null)
        {
            return TypedResults.Problem(statusCode: 400, title: error);
        }
        if (await grains.Grain<IOperatorTimeGrain>(site).Query(query) is not { } report)
        {
            return TypedResults.NotFound();
        }
        if (parameters.GetValueOrDefault("format") == "csv")
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(OperatorTimeCsv.Write(report)), "text/csv; charset=utf-8",
                $"operator-time-{site}-{query.From:yyyy-MM-dd}-{query.To:yyyy-MM-dd}.csv");
        }
        return TypedResults.Ok(report);
    }
}
