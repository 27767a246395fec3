namespace Switchboard.Contracts.DailySummary;

/// <summary>A site's daily summary e-mail: to whom, and at which hour (UTC) the day's figures go out.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.DailySummarySettings")]
public sealed record DailySummarySettings
{
    /// <summary>Late in the day: the figures it sends are the day's so far (today's live figures reset at midnight UTC).</summary>
    public const int DefaultHourUtc = 23;

    [Id(0)] public bool Enabled { get; init; }
    [Id(1)] public IReadOnlyList<string> Recipients { get; init; } = [];
    [Id(2)] public int HourUtc { get; init; } = DefaultHourUtc;
}
