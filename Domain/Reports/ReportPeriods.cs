using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>
/// Maps between the read model's UTC hours and a report's periods in the site's time zone. Buckets are whole UTC
/// hours, so in a zone whose offset is not whole hours (India, +5:30) a local day begins at the UTC hour its midnight falls in.
/// </summary>
public sealed class ReportPeriods(TimeZoneInfo zone, string granularity, DateOnly from)
{
    /// <summary>The UTC hours [first, end) that cover local dates <paramref name="from"/>..<paramref name="to"/>.</summary>
    public static (long First, long End) Hours(TimeZoneInfo zone, DateOnly from, DateOnly to) =>
        (ChatContribution.HourOf(LocalMidnight(zone, from)), ChatContribution.HourOf(LocalMidnight(zone, to.AddDays(1))));

    /// <summary>The start of the period the UTC hour belongs to, in the site's zone.</summary>
    public DateTimeOffset PeriodOf(long hour)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(hour * 3600), zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return granularity switch
        {
            ReportGranularity.Hour => local,
            ReportGranularity.Day => LocalMidnight(zone, date),
            ReportGranularity.Week => LocalMidnight(zone, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
            _ => LocalMidnight(zone, from),
        };
    }

    private static DateTimeOffset LocalMidnight(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts the day at the hour after.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
