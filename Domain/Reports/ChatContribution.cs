namespace Switchboard.Domain.Reports;

/// <summary>What one chat adds to the buckets: the same sums on its all-tags row and on each of its tag rows.</summary>
public static class ChatContribution
{
    /// <summary>The closed chat's whole contribution.</summary>
    public static IEnumerable<(BucketKey Key, BucketSums Sums)> OfClosed(ChatFacts chat)
    {
        var sums = new BucketSums { Offered = 1, Invited = chat.Invited ? 1 : 0, Converted = chat.Converted ? 1 : 0 };
        var started = chat.StartedAt!.Value;
        if (chat.AnsweredAt is { } answered)
        {
            var firstResponse = Milliseconds(answered - started);
            sums.Answered = 1;
            sums.FirstResponseMs = firstResponse;
            sums.FirstResponseBins[DurationBins.Of(firstResponse)]++;
        }
        else
        {
            sums.Missed = 1;
            sums.AbandonBins[DurationBins.Of(Milliseconds(chat.ClosedAt!.Value - started))]++;
        }
        if (chat.AssignedAt is { } assigned)
        {
            var wait = Milliseconds(assigned - started);
            sums.Waited = 1;
            sums.WaitMs = wait;
            sums.WaitBins[DurationBins.Of(wait)]++;
            sums.Handled = 1;
            sums.HandleMs = Milliseconds(chat.ClosedAt!.Value - assigned);
        }
        if (chat.Score is { } score)
        {
            sums.AddRating(score);
        }
        return Rows(chat, sums);
    }

    public static IEnumerable<(BucketKey Key, BucketSums Sums)> OfRating(ChatFacts chat, int score)
    {
        var sums = new BucketSums();
        sums.AddRating(score);
        return Rows(chat, sums);
    }

    public static IEnumerable<(BucketKey Key, BucketSums Sums)> OfConversion(ChatFacts chat) => Rows(chat, new BucketSums { Converted = 1 });

    public static long HourOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    private static IEnumerable<(BucketKey, BucketSums)> Rows(ChatFacts chat, BucketSums sums)
    {
        var all = new BucketKey(chat.Site, HourOf(chat.StartedAt!.Value), chat.Queue, chat.Operator, chat.Channel, BucketKey.AllTags);
        yield return (all, sums);
        foreach (var tag in chat.Tags.Count == 0 ? [BucketKey.Untagged] : chat.Tags)
        {
            yield return (all with { Tag = tag }, sums);
        }
    }

    private static long Milliseconds(TimeSpan span) => Math.Max(0, (long)span.TotalMilliseconds);
}
