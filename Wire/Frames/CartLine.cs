using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>One line of a cart; fields of another kind count as absent.</summary>
public sealed record CartLine(
    [property: JsonConverter(typeof(LenientStringConverter))] string? Sku = null,
    [property: JsonConverter(typeof(LenientStringConverter))] string? Name = null,
    [property: JsonConverter(typeof(LenientInt32Converter))] int? Qty = null,
    [property: JsonConverter(typeof(LenientDecimalConverter))] decimal? Price = null);
