namespace Switchboard.Contracts.Reports;

/// <summary>A report's answer: what was asked, in which time zone and against which service-level target, and its rows.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Report")]
public sealed record Report
{
    [Id(0)] public required ReportQuery Query { get; init; }
    [Id(1)] public required string TimeZone { get; init; }
    [Id(2)] public required int ServiceLevelSeconds { get; init; }
    /// <summary>Hours after a chat's start within which an order counts as the chat's conversion.</summary>
    [Id(3)] public required int ConversionHours { get; init; }
    [Id(4)] public required IReadOnlyList<ReportRow> Rows { get; init; }
}
