using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// An operator sends one of the site's approved WhatsApp templates, the only message WhatsApp takes once the
/// customer's 24-hour window is closed (an extension of the protocol, see channels.md).
/// </summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record OperatorTemplateFrame
{
    public const string Name = "template";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>The template's name as the site configured it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Template { get; init; }

    /// <summary>Which language, when the site has the template in several.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }
}
