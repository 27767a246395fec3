using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>One line of a cart; fields of another kind count as absent.</summary>
public sealed record CartLine(
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sku = null,
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonConverter(typeof(LenientInt32Converter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Qty = null,
    [property: JsonConverter(typeof(LenientDecimalConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Price = null);
