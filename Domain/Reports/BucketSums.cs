namespace Switchboard.Domain.Reports;

/// <summary>The additive figures of a bucket: counts, millisecond sums and duration histograms (<see cref="DurationBins"/>).</summary>
public sealed class BucketSums
{
    public long Offered { get; set; }
    public long Answered { get; set; }
    /// <summary>Closed without an operator's reply.</summary>
    public long Missed { get; set; }
    public long Invited { get; set; }
    public long FirstResponseMs { get; set; }
    public long Waited { get; set; }
    public long WaitMs { get; set; }
    public long Handled { get; set; }
    public long HandleMs { get; set; }
    public long Rated { get; set; }
    public long RatingSum { get; set; }
    public long Satisfied { get; set; }
    public long Dissatisfied { get; set; }
    public long Converted { get; set; }
    public long[] FirstResponseBins { get; } = new long[DurationBins.Count];
    public long[] WaitBins { get; } = new long[DurationBins.Count];
    /// <summary>How long missed chats had waited when they ended (the service level's denominator).</summary>
    public long[] AbandonBins { get; } = new long[DurationBins.Count];

    public void Add(BucketSums other)
    {
        Offered += other.Offered;
        Answered += other.Answered;
        Missed += other.Missed;
        Invited += other.Invited;
        FirstResponseMs += other.FirstResponseMs;
        Waited += other.Waited;
        WaitMs += other.WaitMs;
        Handled += other.Handled;
        HandleMs += other.HandleMs;
        Rated += other.Rated;
        RatingSum += other.RatingSum;
        Satisfied += other.Satisfied;
        Dissatisfied += other.Dissatisfied;
        Converted += other.Converted;
        for (var i = 0; i < DurationBins.Count; i++)
        {
            FirstResponseBins[i] += other.FirstResponseBins[i];
            WaitBins[i] += other.WaitBins[i];
            AbandonBins[i] += other.AbandonBins[i];
        }
    }

    public void AddRating(int score)
    {
        Rated++;
        RatingSum += score;
        Satisfied += score >= 4 ? 1 : 0;
        Dissatisfied += score <= 2 ? 1 : 0;
    }
}
