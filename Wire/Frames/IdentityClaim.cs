using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>A signed-in customer as the shop claims them; fields of another kind count as absent.</summary>
public sealed record IdentityClaim(
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomerId = null,
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email = null,
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone = null,
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomerType = null,
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Signature = null);
