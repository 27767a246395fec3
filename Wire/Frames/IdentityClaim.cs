using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>A signed-in customer as the shop claims them; fields of another kind count as absent.</summary>
public sealed record IdentityClaim
{
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerId { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerType { get; init; }

    /// <summary>Until when the signature holds, in Unix seconds; part of what is signed.</summary>
    [JsonConverter(typeof(LenientInt64Converter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Expires { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Signature { get; init; }
}
