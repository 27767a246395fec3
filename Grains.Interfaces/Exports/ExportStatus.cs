namespace Switchboard.Contracts.Exports;

/// <summary>A site's export settings and progress: the next window to export, the last one done, the last failure.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ExportStatus")]
public sealed record ExportStatus(
    [property: Id(0)] ExportSettings Settings,
    [property: Id(1)] DateTimeOffset? NextWindowFrom,
    [property: Id(2)] ExportWindow? LastWindow,
    [property: Id(3)] string? LastError);
