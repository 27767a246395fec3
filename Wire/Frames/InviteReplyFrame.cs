using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor's answer to an invitation: only a JSON <c>true</c> accepts.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record InviteReplyFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InviteId = null,
    [property: JsonConverter(typeof(TrueOnlyConverter))] bool Accepted = false)
{
    public const string Name = "invite_reply";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
