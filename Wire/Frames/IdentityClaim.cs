using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>A signed-in customer as the shop claims them; fields of another kind count as absent.</summary>
public sealed record IdentityClaim(
    [property: JsonConverter(typeof(LenientStringConverter))] string? CustomerId = null,
    [property: JsonConverter(typeof(LenientStringConverter))] string? Name = null,
    [property: JsonConverter(typeof(LenientStringConverter))] string? Email = null,
    [property: JsonConverter(typeof(LenientStringConverter))] string? Phone = null,
    [property: JsonConverter(typeof(LenientStringConverter))] string? CustomerType = null,
    [property: JsonConverter(typeof(LenientStringConverter))] string? Signature = null);
