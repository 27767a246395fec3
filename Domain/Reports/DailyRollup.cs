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
    /// Whether day rows answer a report of local dates <paramref name="from"/>..<paramref name="to"/> exactly: not by
    /// hour, and every day of it starting on a whole UTC hour (elsewhere, India's +5:30, a day's first hour is shared
    /// with the day before, so the hours are read).
    /// </summary>
    public static bool Answers(TimeZoneInfo zone, string granularity, DateOnly from, DateOnly to)
    {
        if (granularity == ReportGranularity.Hour)
        {
            return false;
        }
        for (var date = from; date <= to.AddDays(1); date = date.AddDays(1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(midnight))
            {
                midnight = midnight.AddHours(1);
            }
            if (zone.GetUtcOffset(midnight).Ticks % TimeSpan.TicksPerHour != 0)
            {
                return false;
            }
        }
        return true;
    }
}
