using Orleans.Concurrency;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>Answers a site's operators' time queries from the recorded status changes, in the site's time zone.</summary>
[StatelessWorker]
public sealed class OperatorTimeGrain(IOperatorTimeStore store, TimeProvider clock) : Grain, IOperatorTimeGrain
{
    private string Site => this.GetPrimaryKeyString();

    public async Task<OperatorTimeReport?> Query(ReportQuery query)
    {
        if (await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(Site)).GetConfig() is not { } config)
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config.TimeZone ?? "UTC");
        var (first, end) = ReportPeriods.Hours(zone, query.From, query.To);
        var (start, stop) = (DateTimeOffset.FromUnixTimeSeconds(first * 3600), DateTimeOffset.FromUnixTimeSeconds(end * 3600));
        var changes = await store.ReadAsync(Site, start, stop, query.Operator);
        var periods = new ReportPeriods(zone, query.Granularity, query.From);
        var now = clock.GetUtcNow();
        return new OperatorTimeReport
        {
            Query = query, TimeZone = zone.Id,
            Rows = changes.SelectMany(pair => OperatorTimeline.Rows(pair.Key, pair.Value, start, stop, now, periods))
                .OrderBy(row => row.Period).ThenBy(row => row.Operator, StringComparer.Ordinal).ToList(),
        };
    }
}
