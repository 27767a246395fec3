using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>Turns the read model's hourly sums into a report's rows: periods in the site's zone, then the figures.</summary>
public static class ReportBuilder
{
    public static IReadOnlyList<ReportRow> Rows(IEnumerable<BucketRow> buckets, ReportPeriods periods, int serviceLevelSeconds) =>
        buckets
            .GroupBy(bucket => (Period: periods.PeriodOf(bucket.Hour), bucket.Queue, bucket.Operator, bucket.Channel, bucket.Tag))
            .Select(group =>
            {
                var sums = new BucketSums();
                foreach (var bucket in group)
                {
                    sums.Add(bucket.Sums);
                }
                return Row(group.Key.Period, group.Key.Queue, group.Key.Operator, group.Key.Channel, group.Key.Tag, sums, serviceLevelSeconds);
            })
            .OrderBy(row => row.Period).ThenBy(row => row.Queue, StringComparer.Ordinal).ThenBy(row => row.Operator, StringComparer.Ordinal)
            .ThenBy(row => row.Channel, StringComparer.Ordinal).ThenBy(row => row.Tag, StringComparer.Ordinal)
            .ToList();

    public static ReportRow Row(
        DateTimeOffset period, string? queue, string? login, string? channel, string? tag, BucketSums sums, int serviceLevelSeconds)
    {
        var withinTarget = DurationBins.AtMost(sums.FirstResponseBins, serviceLevelSeconds);
        var abandonedAfterTarget = sums.AbandonBins.Sum() - DurationBins.AtMost(sums.AbandonBins, serviceLevelSeconds);
        return new ReportRow
        {
            Period = period, Queue = queue, Operator = login, Channel = channel, Tag = tag,
            Offered = sums.Offered, Answered = sums.Answered, Missed = sums.Missed,
            FirstResponseAverage = Average(sums.FirstResponseMs, sums.Answered),
            FirstResponseP90 = Round(DurationBins.Percentile(sums.FirstResponseBins, 0.9)),
            WaitAverage = Average(sums.WaitMs, sums.Waited),
            WaitP90 = Round(DurationBins.Percentile(sums.WaitBins, 0.9)),
            HandleAverage = Average(sums.HandleMs, sums.Handled),
            ServiceLevel = Percent(withinTarget, sums.Answered + abandonedAfterTarget),
            Ratings = sums.Rated,
            Csat = Percent(sums.Satisfied, sums.Rated),
            Dsat = Percent(sums.Dissatisfied, sums.Rated),
            AverageRating = sums.Rated == 0 ? null : Math.Round((double)sums.RatingSum / sums.Rated, 2),
            InvitedShare = Percent(sums.Invited, sums.Offered),
            Orders = sums.Converted,
            Conversion = Percent(sums.Converted, sums.Offered),
        };
    }

    private static double? Average(long milliseconds, long count) => count == 0 ? null : Math.Round(milliseconds / 1000.0 / count, 1);

    private static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    private static double? Round(double? seconds) => seconds is { } value ? Math.Round(value, 1) : null;
}
