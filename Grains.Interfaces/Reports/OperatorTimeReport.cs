namespace Switchboard.Contracts.Reports;

/// <summary>The operators' time report: what was asked, in which time zone, and one row per operator and period.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorTimeReport")]
public sealed record OperatorTimeReport
{
    [Id(0)] public required ReportQuery Query { get; init; }
    [Id(1)] public required string TimeZone { get; init; }
    [Id(2)] public required IReadOnlyList<OperatorTimeRow> Rows { get; init; }
}
