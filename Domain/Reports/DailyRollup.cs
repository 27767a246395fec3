using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>
/// The daily roll-up of the hourly buckets: one row per local day of the site's time zone, keyed by the UTC hour the
/// day starts in, holding the sums of exactly the hours a day report would group into that day. Sums and duration
/// bins add up, so a day row answers a day, week or whole-range report as its 24 (23, 25) hours would, p90s included.
/// </summary>
public static class DailyRollup
{
    /// <summary>The UTC hour the local day holding <paramref name="hour"/> starts in: the day row's key.</summary>
    public static long DayOf(TimeZoneInfo zone, long hour) =>
        ChatContribution.HourOf(new ReportPeriods(zone, ReportGranularity.Day, default).PeriodOf(hour));

    /// <summary>
    /// Whether day rows answer a report exactly: not by hour, and in a zone whose offsets are whole hours (where a
    /// local day is whole UTC hours; elsewhere a day's first hour is shared with the day before, so hours are read).
    /// </summary>
    public static bool Answers(TimeZoneInfo zone, string granularity) =>
        granularity != ReportGranularity.Hour
        && WholeHours(zone.BaseUtcOffset)
        && zone.GetAdjustmentRules().All(rule => WholeHours(rule.DaylightDelta) && WholeHours(rule.BaseUtcOffsetDelta));

    private static bool WholeHours(TimeSpan offset) => offset.Ticks % TimeSpan.TicksPerHour == 0;
}
