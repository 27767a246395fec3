namespace Switchboard.Contracts.Reports;

/// <summary>
/// A historical report: local dates <see cref="From"/>..<see cref="To"/> (both included) in the site's time zone, in
/// periods of <see cref="Granularity"/>, one row per period and combination of the <see cref="GroupBy"/> dimensions,
/// over the chats matching the filters (null: all). Built by <c>ReportRequest.Parse</c>, which refuses bad input.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ReportQuery")]
public sealed record ReportQuery
{
    [Id(0)] public required DateOnly From { get; init; }
    [Id(1)] public required DateOnly To { get; init; }
    [Id(2)] public string Granularity { get; init; } = ReportGranularity.Day;
    [Id(3)] public IReadOnlyList<string> GroupBy { get; init; } = [];
    [Id(4)] public string? Queue { get; init; }
    [Id(5)] public string? Operator { get; init; }
    [Id(6)] public string? Channel { get; init; }
    [Id(7)] public string? Tag { get; init; }

    /// <summary>Whether the chats are counted once per tag (grouped or filtered by tag) instead of once each.</summary>
    public bool ByTag => Tag is not null || GroupBy.Contains(ReportDimensions.Tag);
}
