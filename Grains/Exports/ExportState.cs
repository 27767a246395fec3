using Switchboard.Contracts.Exports;

namespace Switchboard.Grains.Exports;

[GenerateSerializer, Alias("Switchboard.ExportState")]
public sealed class ExportState
{
    [Id(0)] public ExportSettings Settings { get; set; } = new();
    /// <summary>The start of the next window to export; every window before it has been written.</summary>
    [Id(1)] public DateTimeOffset? NextWindowFrom { get; set; }
    [Id(2)] public ExportWindow? LastWindow { get; set; }
    [Id(3)] public string? LastError { get; set; }
}
