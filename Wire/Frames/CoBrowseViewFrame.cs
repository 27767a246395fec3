using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>Where the co-browsing visitor is on their page (a Switchboard extension): scroll, pointer, viewport size.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record CoBrowseViewFrame
{
    public const string Name = "cobrowse_view";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ScrollX { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ScrollY { get; init; }

    /// <summary>The pointer in page coordinates.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PointerX { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PointerY { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; init; }
}
