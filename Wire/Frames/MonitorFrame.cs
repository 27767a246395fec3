using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// The site's live figures for supervisors (monitoring.md). The snapshot's shape belongs to the monitor, not the
/// wire, so it travels as ready JSON.
/// </summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record MonitorFrame(JsonElement Snapshot)
{
    public const string Name = "monitor";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
