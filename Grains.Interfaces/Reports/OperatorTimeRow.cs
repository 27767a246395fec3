namespace Switchboard.Contracts.Reports;

/// <summary>
/// How one operator spent one period, in seconds: online, away and offline add up to the period (or the part of it
/// that is known and past); in chats and at full capacity overlap them. <see cref="FreeSeatShare"/> is the share of the
/// time online with a seat free, in percent (null when never online). Definitions: docs/reports.md, "Operators' time".
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorTimeRow")]
public sealed record OperatorTimeRow
{
    /// <summary>The period's start in the site's time zone (its offset included).</summary>
    [Id(0)] public required DateTimeOffset Period { get; init; }
    [Id(1)] public required string Operator { get; init; }
    [Id(2)] public long Online { get; init; }
    [Id(3)] public long Away { get; init; }
    [Id(4)] public long Offline { get; init; }
    [Id(5)] public long InChats { get; init; }
    [Id(6)] public long AtFullCapacity { get; init; }
    [Id(7)] public double? FreeSeatShare { get; init; }
}
