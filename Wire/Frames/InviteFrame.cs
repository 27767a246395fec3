using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>An invitation to chat; <c>rule</c> is <c>manual</c> for an operator's own.</summary>
[WireFrame(Name, FrameSide.ServerToVisitor)]
public sealed record InviteFrame(string InviteId, string Text, string Rule)
{
    public const string Name = "invite";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
