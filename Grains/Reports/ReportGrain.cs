using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Switchboard.Contracts;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Reports;

namespace Switchboard.Grains.Reports;

/// <summary>Answers a site's report queries from the read model, in the site's time zone and against its service-level target.</summary>
[StatelessWorker]
public sealed class ReportGrain(IReportStore store, IOptions<ReportOptions> options) : Grain, IReportGrain
{
    private string Site => this.GetPrimaryKeyString();

    public async Task<Report?> Query(ReportQuery query)
    {
        if (await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(Site)).GetConfig() is not { } config)
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config.TimeZone ?? "UTC");
        var (first, end) = ReportPeriods.Hours(zone, query.From, query.To);
        var buckets = await store.ReadAsync(Site, first, end, query, zone);
        var periods = new ReportPeriods(zone, query.Granularity, query.From);
        return new Report
        {
            Query = query, TimeZone = zone.Id, ServiceLevelSeconds = config.Monitor.ServiceLevelSeconds,
            ConversionHours = options.Value.ConversionHours,
            Rows = ReportBuilder.Rows(buckets, periods, config.Monitor.ServiceLevelSeconds),
        };
    }

    public Task<bool> RecordOrder(Order order) => store.RecordOrderAsync(Site, order);

    // Every statement is limited to this grain's site, so ids or conversation keys of another site change nothing.
    public Task ForgetCustomer(string customerId, IReadOnlyList<string> visitorIds, IReadOnlyList<string> conversationKeys) =>
        store.ForgetCustomerAsync(Site, customerId, visitorIds, conversationKeys);
}
