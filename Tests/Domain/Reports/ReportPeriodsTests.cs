using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Tests.Domain.Reports;

public sealed class ReportPeriodsTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void A_late_evening_hour_in_utc_belongs_to_the_next_local_day_and_its_monday_week()
    {
        var hour = ChatContribution.HourOf(new DateTimeOffset(2026, 11, 22, 22, 30, 0, TimeSpan.Zero)); // Sunday 22:30 UTC, Monday 01:30 in Moscow
        var from = new DateOnly(2026, 11, 1);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(3)), new ReportPeriods(Moscow, ReportGranularity.Day, from).PeriodOf(hour));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(3)), new ReportPeriods(Moscow, ReportGranularity.Week, from).PeriodOf(hour));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.FromHours(3)), new ReportPeriods(Moscow, ReportGranularity.Hour, from).PeriodOf(hour));
    }

    [Fact]
    public void The_hours_of_a_local_range_follow_the_zone_across_a_clock_change()
    {
        // Berlin leaves summer time on 25 October 2026: that local day has 25 hours.
        var (first, end) = ReportPeriods.Hours(Berlin, new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25));

        Assert.Equal(25, end - first);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 3600, first);
    }
}
