using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>One line of a cart; fields of another kind count as absent.</summary>
public sealed record CartLine
{
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sku { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonConverter(typeof(LenientInt32Converter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Qty { get; init; }

    [JsonConverter(typeof(LenientDecimalConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Price { get; init; }
}
