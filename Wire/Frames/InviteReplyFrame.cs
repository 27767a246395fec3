using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor's answer to an invitation: only a JSON <c>true</c> accepts.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record InviteReplyFrame
{
    public const string Name = "invite_reply";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InviteId { get; init; }

    [JsonConverter(typeof(TrueOnlyConverter))]
    public bool Accepted { get; init; }
}
