namespace Switchboard.Contracts.Monitoring;

/// <summary>
/// One day's (UTC) running figures of a queue or an operator, kept by that grain and reset at midnight. Sums
/// and counts, so averages and shares stay exact however the day's chats arrive.
/// </summary>
[GenerateSerializer, Alias("Switchboard.DailyFigures")]
public sealed class DailyFigures
{
    [Id(0)] public DateOnly Day { get; set; }
    /// <summary>Chats that got a first operator reply, and how many of those within the service-level threshold.</summary>
    [Id(1)] public int Answered { get; set; }
    [Id(2)] public int AnsweredWithinTarget { get; set; }
    /// <summary>Chats that ended or waited past the threshold without a reply (they count against the service level).</summary>
    [Id(3)] public int Unanswered { get; set; }
    [Id(4)] public double FirstResponseSeconds { get; set; }
    [Id(5)] public int Ratings { get; set; }
    [Id(6)] public int RatingSum { get; set; }
    /// <summary>Ratings of 4 or 5: the CSAT numerator.</summary>
    [Id(7)] public int Satisfied { get; set; }
    [Id(8)] public int Missed { get; set; }
    /// <summary>The same figures per channel (a queue's only; web chats are under <c>web</c>).</summary>
    [Id(9)] public Dictionary<string, DailyFigures>? Channels { get; set; }
    /// <summary>Chats closed because the waiting visitor left and did not come back in time.</summary>
    [Id(10)] public int Abandoned { get; set; }
    /// <summary>Chats the visitor closed after the help-while-waiting bot answered them, before any operator joined.</summary>
    [Id(11)] public int SelfServed { get; set; }

    /// <summary>The figures of <paramref name="channel"/>, made on first use.</summary>
    public DailyFigures Of(string channel)
    {
        Channels ??= new Dictionary<string, DailyFigures>(StringComparer.Ordinal);
        return Channels.TryGetValue(channel, out var figures) ? figures : Channels[channel] = new DailyFigures { Day = Day };
    }
}
