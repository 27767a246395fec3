using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Tests.Domain.Reports;

public sealed class OperatorTimelineTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly DateOnly Monday = new(2026, 11, 23);
    /// <summary>Monday 22:00 in Moscow (+3).</summary>
    private static readonly DateTimeOffset Evening = new(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_shift_across_local_midnight_counts_in_each_day_by_the_sites_zone()
    {
        var changes = new[]
        {
            new OperatorStatusChange(1, Evening, OperatorStatus.Online, 0, false),
            new OperatorStatusChange(2, Evening.AddMinutes(30), OperatorStatus.Online, 1, false),
            new OperatorStatusChange(3, Evening.AddMinutes(90), OperatorStatus.Online, 2, true),     // 23:30, full
            new OperatorStatusChange(4, Evening.AddHours(2).AddMinutes(30), OperatorStatus.Away, 1, false), // 00:30 Tuesday
            new OperatorStatusChange(5, Evening.AddHours(3), OperatorStatus.Offline, 0, false),        // 01:00 Tuesday
        };
        var (start, end) = Range(Monday, Monday.AddDays(1));

        var rows = OperatorTimeline.Rows("anna", changes, start, end, Evening.AddHours(5), Periods(ReportGranularity.Day, Monday)).ToList();

        Assert.Equal([new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(3)), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(3))],
            rows.Select(row => row.Period));
        var monday = rows[0];
        Assert.Equal((7200L, 0L, 0L), (monday.Online, monday.Away, monday.Offline));   // 22:00–24:00
        Assert.Equal((5400L, 1800L), (monday.InChats, monday.AtFullCapacity));          // chats from 22:30; full from 23:30
        Assert.Equal(75.0, monday.FreeSeatShare);
        var tuesday = rows[1];
        Assert.Equal((1800L, 1800L, 7200L), (tuesday.Online, tuesday.Away, tuesday.Offline)); // offline 01:00 until "now", 03:00
        Assert.Equal((3600L, 1800L), (tuesday.InChats, tuesday.AtFullCapacity));
        Assert.Equal(0.0, tuesday.FreeSeatShare);
    }

    [Fact]
    public void The_last_change_before_the_range_holds_into_it_and_the_open_one_runs_until_now()
    {
        var yesterday = Evening.AddDays(-1);
        var changes = new[] { new OperatorStatusChange(7, yesterday, OperatorStatus.Away, 0, false) };
        var (start, end) = Range(Monday, Monday);
        var now = Evening.AddMinutes(-30); // Monday 21:30 in Moscow

        var row = Assert.Single(OperatorTimeline.Rows("anna", changes, start, end, now, Periods(ReportGranularity.Total, Monday)));

        Assert.Equal(21.5 * 3600, row.Away);
        Assert.Equal((0L, 0L), (row.Online, row.Offline));
        Assert.Null(row.FreeSeatShare);
    }

    [Fact]
    public void Time_before_the_first_change_is_unknown_and_not_counted()
    {
        var changes = new[] { new OperatorStatusChange(1, Evening, OperatorStatus.Offline, 0, false) };
        var (start, end) = Range(Monday, Monday);

        var row = Assert.Single(OperatorTimeline.Rows("anna", changes, start, end, Evening.AddDays(3), Periods(ReportGranularity.Day, Monday)));

        Assert.Equal(2 * 3600, row.Offline);
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Range(DateOnly from, DateOnly to)
    {
        var (first, end) = ReportPeriods.Hours(Moscow, from, to);
        return (DateTimeOffset.FromUnixTimeSeconds(first * 3600), DateTimeOffset.FromUnixTimeSeconds(end * 3600));
    }

    private static ReportPeriods Periods(string granularity, DateOnly from) => new(Moscow, granularity, from);
}
