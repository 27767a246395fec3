namespace Switchboard.Domain.Reports;

/// <summary>The read model's sums for one UTC hour and one combination of the grouped dimensions (null: not grouped).</summary>
public sealed record BucketRow(long Hour, string? Queue, string? Operator, string? Channel, string? Tag, BucketSums Sums);
