using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>The operator's status, to every console of theirs; also what a console sends to change it.</summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record StatusFrame(string? Status)
{
    public const string Name = "status";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
