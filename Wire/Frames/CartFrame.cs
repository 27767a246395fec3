using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>The page's cart. Read leniently (the shop's data): a missing or odd total is the items' sum.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record CartFrame(
    [property: JsonConverter(typeof(LenientListConverter<CartLine>)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CartLine>? Items = null,
    [property: JsonConverter(typeof(LenientDecimalConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Total = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Currency = null)
{
    public const string Name = "cart";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
