namespace Switchboard.Contracts.Monitoring;

/// <summary>What a site's supervisors want to be alerted about (docs/monitoring.md).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.MonitorThresholds")]
public sealed record MonitorThresholds
{
    /// <summary>A chat answered within this many seconds counts toward the service level.</summary>
    [Id(0)] public int ServiceLevelSeconds { get; init; } = 60;
    [Id(1)] public double ServiceLevelMinPercent { get; init; } = 95;
    [Id(2)] public double FirstResponseMaxSeconds { get; init; } = 30;
    [Id(3)] public int MissedMax { get; init; } = 3;
    [Id(4)] public double RatingMin { get; init; } = 4;
    [Id(5)] public int QueueWaitMaxSeconds { get; init; } = 60;
}
