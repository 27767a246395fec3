using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>Where a returning visitor left off; fields of another kind count as absent (and are refused as a whole).</summary>
public sealed record ResumeCursor(
    [property: JsonConverter(typeof(LenientStringConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationId = null,
    [property: JsonConverter(typeof(LenientInt64Converter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LastSeq = null);
