using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>The page's cart. Read leniently (the shop's data): a missing or odd total is the items' sum.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record CartFrame(
    [property: JsonConverter(typeof(LenientListConverter<CartLine>))] IReadOnlyList<CartLine>? Items = null,
    [property: JsonConverter(typeof(LenientDecimalConverter))] decimal? Total = null,
    string? Currency = null)
{
    public const string Name = "cart";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
