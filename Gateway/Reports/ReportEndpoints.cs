using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Gateway.Reports;

/// <summary>Historical reports (docs/reports.md) and the orders behind their conversion figure, for a site's supervisors.</summary>
public static class ReportEndpoints
{
    public const int MaxIdLength = 128;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reports", Report)
            .WithSummary("A historical report as JSON, or CSV with format=csv")
            .WithDescription("from, to (yyyy-MM-dd, site's time zone, at most 366 days), granularity (hour, day, week, total), groupBy (queue, operator, channel, tag, comma-separated), filters queue, operator, channel, tag.");
        admin.MapPost("/orders", RecordOrder)
            .WithSummary("Reports an order, so a chat of the same visitor shortly before it counts as converted");
        return admin;
    }

    private static async Task<IResult> Report(string site, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var parameters = request.Query.ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString(), StringComparer.Ordinal);
        var (query, error) = ReportRequest.Parse(parameters, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (query is null)
        {
            return TypedResults.Problem(statusCode: 400, title: error);
        }
        if (await grains.Grain<IReportGrain>(site).Query(query) is not { } report)
        {
            return TypedResults.NotFound();
        }
        if (parameters.GetValueOrDefault("format") == "csv")
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Write(report)), "text/csv; charset=utf-8",
                $"report-{site}-{query.From:yyyy-MM-dd}-{query.To:yyyy-MM-dd}.csv");
        }
        return TypedResults.Ok(report);
    }

    private static async Task<Results<Created, Ok, ProblemHttpResult>> RecordOrder(string site, OrderRequest body, IGrainFactory grains, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(body.OrderId) || body.OrderId.Length > MaxIdLength)
        {
            return TypedResults.Problem(statusCode: 400, title: $"orderId is required, at most {MaxIdLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(body.VisitorId) && string.IsNullOrWhiteSpace(body.CustomerId))
        {
            return TypedResults.Problem(statusCode: 400, title: "An order carries the visitorId or the customerId of who placed it.");
        }
        if (body.VisitorId?.Length > MaxIdLength || body.CustomerId?.Length > MaxIdLength)
        {
            return TypedResults.Problem(statusCode: 400, title: $"Ids are at most {MaxIdLength} characters.");
        }
        if (body.At > now + ClockSkew)
        {
            return TypedResults.Problem(statusCode: 400, title: "The order's time is in the future.");
        }
        var order = new Order(body.OrderId, body.VisitorId, body.CustomerId, body.At ?? now, body.Amount);
        return await grains.Grain<IReportGrain>(site).RecordOrder(order) ? TypedResults.Created() : TypedResults.Ok();
    }
}
