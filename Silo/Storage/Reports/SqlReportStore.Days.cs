using System.Data.Common;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>The daily roll-up: which zone a site's day rows are in, and hourly sums added up per local day.</summary>
public sealed partial class SqlReportStore
{
    private static async Task<TimeZoneInfo?> DayZoneAsync(DbConnection connection, DbTransaction transaction, string site, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, ReportSql.ReadDayZone, ("site", site));
        return await command.ExecuteScalarAsync(cancellationToken) is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>
    /// Makes sure the site's day rows are in <paramref name="zone"/>: when they are not (a site new to them, a read
    /// model from before them, a changed zone) they are summed again from its hourly rows, which hold everything.
    /// </summary>
    private static async Task KeepDaysInAsync(DbConnection connection, DbTransaction transaction, string site, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if ((await DayZoneAsync(connection, transaction, site, cancellationToken))?.Id == zone.Id)
        {
            return;
        }
        await ExecuteAsync(connection, transaction, ReportSql.DeleteDays, cancellationToken, ("site", site));
        var hours = new Dictionary<BucketKey, BucketSums>();
        await using (var command = Command(connection, transaction, ReportSql.ReadSiteBuckets, ("site", site)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new BucketKey(site, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
                hours[key] = ReadSums(reader, 5);
            }
        }
        await WriteRowsAsync(connection, transaction, "report_days",
            ByDay(hours, new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal) { [site] = zone }), cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.WriteDayZone, cancellationToken, ("site", site), ("zone", zone.Id));
    }

    /// <summary>The hourly sums of sites in <paramref name="dayZones"/> added up per local day (keyed by the hour it starts in).</summary>
    private static Dictionary<BucketKey, BucketSums> ByDay(Dictionary<BucketKey, BucketSums> hours, IReadOnlyDictionary<string, TimeZoneInfo> dayZones)
    {
        var days = new Dictionary<BucketKey, BucketSums>();
        var dayOf = new Dictionary<(string Site, long Hour), long>();
        foreach (var (key, sums) in hours)
        {
            if (!dayZones.TryGetValue(key.Site, out var zone))
            {
                continue;
            }
            if (!dayOf.TryGetValue((key.Site, key.Hour), out var day))
            {
                dayOf[(key.Site, key.Hour)] = day = DailyRollup.DayOf(zone, key.Hour);
            }
            Add(days, [(key with { Hour = day }, sums)]);
        }
        return days;
    }
}
