using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>The console's first frame: the last seq it has of each conversation (entries that are not a seq of 0 or more are ignored).</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record OperatorHelloFrame
{
    public const string Name = "hello";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonConverter(typeof(SeqMapConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, long>? Resume { get; init; }
}
