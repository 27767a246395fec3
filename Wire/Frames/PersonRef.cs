using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>Who, inside an event: <c>{id, name}</c>, either left out when unknown.</summary>
public sealed record PersonRef(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);
