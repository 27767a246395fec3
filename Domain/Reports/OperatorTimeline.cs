using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>
/// Turns an operator's recorded status changes into time per report period. Each change holds from its time until the
/// next one, and the last until now: an operator online since yesterday is online now, however long ago the change was
/// recorded (a restart in between included). Time before the first change is unknown and not counted, nor is the future.
/// Intervals are cut at whole UTC hours, which <see cref="ReportPeriods"/> maps to the site's local periods.
/// </summary>
public static class OperatorTimeline
{
    private const long HourMs = 3_600_000;

    /// <summary>
    /// The rows of one operator: <paramref name="changes"/> in order, the first of them the last change before
    /// <paramref name="start"/> if there was one, counted within [<paramref name="start"/>, <paramref name="end"/>) and before <paramref name="now"/>.
    /// </summary>
    public static IEnumerable<OperatorTimeRow> Rows(
        string login, IReadOnlyList<OperatorStatusChange> changes, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, ReportPeriods periods)
    {
        var sums = new SortedDictionary<DateTimeOffset, OperatorTimeSums>();
        var until = Math.Min(end.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds());
        for (var i = 0; i < changes.Count; i++)
        {
            var from = Math.Max(changes[i].At.ToUnixTimeMilliseconds(), start.ToUnixTimeMilliseconds());
            var to = Math.Min(i + 1 < changes.Count ? changes[i + 1].At.ToUnixTimeMilliseconds() : until, until);
            while (from < to)
            {
                var hour = from / HourMs;
                var cut = Math.Min(to, (hour + 1) * HourMs);
                var period = periods.PeriodOf(hour);
                if (!sums.TryGetValue(period, out var sum))
                {
                    sums[period] = sum = new OperatorTimeSums();
                }
                sum.Add(changes[i], cut - from);
                from = cut;
            }
        }
        return sums.Select(pair => Row(login, pair.Key, pair.Value));
    }

    private static OperatorTimeRow Row(string login, DateTimeOffset period, OperatorTimeSums sums) => new()
    {
        Period = period, Operator = login,
        Online = Seconds(sums.OnlineMs), Away = Seconds(sums.AwayMs), Offline = Seconds(sums.OfflineMs),
        InChats = Seconds(sums.InChatsMs), AtFullCapacity = Seconds(sums.FullMs),
        FreeSeatShare = sums.OnlineMs == 0 ? null : Math.Round(100.0 * sums.OnlineFreeMs / sums.OnlineMs, 1),
    };

    private static long Seconds(long ms) => (ms + 500) / 1000;
}
