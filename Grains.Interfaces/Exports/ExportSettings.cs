namespace Switchboard.Contracts.Exports;

/// <summary>A site's scheduled export: every <see cref="IntervalMinutes"/>, the window's events and closed chats' transcripts.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ExportSettings")]
public sealed record ExportSettings
{
    public const int DefaultIntervalMinutes = 30;

    [Id(0)] public bool Enabled { get; init; }
    /// <summary>The window's length; a divisor of a day (5, 10, 15, 30, 60 … 1440) so windows start on the same times every day.</summary>
    [Id(1)] public int IntervalMinutes { get; init; } = DefaultIntervalMinutes;
    /// <summary><see cref="ExportTargets"/>.</summary>
    [Id(2)] public string Target { get; init; } = ExportTargets.Directory;
    /// <summary>For <see cref="ExportTargets.Http"/>: where to post.</summary>
    [Id(3)] public string? Url { get; init; }
    /// <summary>For <see cref="ExportTargets.Http"/>: signs each post like a webhook delivery.</summary>
    [Id(4)] public string? Secret { get; init; }
}
