using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>The page's cart. Read leniently (the shop's data): a missing or odd total is the items' sum.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record CartFrame
{
    public const string Name = "cart";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonConverter(typeof(LenientListConverter<CartLine>))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CartLine>? Items { get; init; }

    [JsonConverter(typeof(LenientDecimalConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Total { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }
}
