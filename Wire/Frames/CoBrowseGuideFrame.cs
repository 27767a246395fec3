using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// The operator guiding a co-browsing visitor (a Switchboard extension): <c>highlight</c> an element, <c>scroll</c> the
/// visitor's view, or, with the visitor's second consent, <c>fill</c> a field with a value the visitor then sees.
/// </summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
[WireFrame(Name, FrameSide.ServerToVisitor)]
public sealed record CoBrowseGuideFrame
{
    public const string Name = "cobrowse_guide";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    public string? Action { get; init; }

    /// <summary>The element, by its number in the visitor's snapshot.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Node { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? X { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Y { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }
}
