using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>A refused or failed frame: a code from docs/protocol.md, a message, and the client id of the send it answers.</summary>
[WireFrame(Name, FrameSide.ServerToVisitor)]
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record ErrorFrame(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null)
{
    public const string Name = "error";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
