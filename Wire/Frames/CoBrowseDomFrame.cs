using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// The visitor's page for the operator (co-browsing, a Switchboard extension): a <c>snapshot</c> of its markup, in
/// numbered parts when long, or the <c>mutation</c>s since, each the new markup of one element the snapshot numbered.
/// Masked fields are masked in the visitor's browser: their values are never in it.
/// </summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record CoBrowseDomFrame
{
    public const string Name = "cobrowse_dom";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    /// <summary><c>snapshot</c> or <c>mutation</c>.</summary>
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    /// <summary>The visitor's viewport, for the operator's view to scale.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; init; }

    /// <summary>A snapshot's part, from 0, of <see cref="Parts"/>: the operator shows it once all have come.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Part { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Parts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Html { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CoBrowsePatch>? Patches { get; init; }
}
