namespace Switchboard.Contracts.Reports;

/// <summary>
/// One period (and group) of a report. Durations are in seconds; shares in percent; a figure with nothing to
/// measure (no answered chat, no rating) is null. Definitions: docs/reports.md.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ReportRow")]
public sealed record ReportRow
{
    /// <summary>The period's start in the site's time zone (its offset included).</summary>
    [Id(0)] public required DateTimeOffset Period { get; init; }
    [Id(1)] public string? Queue { get; init; }
    [Id(2)] public string? Operator { get; init; }
    [Id(3)] public string? Channel { get; init; }
    [Id(4)] public string? Tag { get; init; }
    [Id(5)] public long Offered { get; init; }
    [Id(6)] public long Answered { get; init; }
    [Id(7)] public long Missed { get; init; }
    [Id(8)] public double? FirstResponseAverage { get; init; }
    [Id(9)] public double? FirstResponseP90 { get; init; }
    [Id(10)] public double? WaitAverage { get; init; }
    [Id(11)] public double? WaitP90 { get; init; }
    [Id(12)] public double? HandleAverage { get; init; }
    [Id(13)] public double? ServiceLevel { get; init; }
    [Id(14)] public long Ratings { get; init; }
    [Id(15)] public double? Csat { get; init; }
    [Id(16)] public double? Dsat { get; init; }
    [Id(17)] public double? AverageRating { get; init; }
    [Id(18)] public double? InvitedShare { get; init; }
    [Id(19)] public long Orders { get; init; }
    [Id(20)] public double? Conversion { get; init; }
}
