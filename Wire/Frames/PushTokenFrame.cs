using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// The retailer's app gives its push token (docs/in-app.md): operator replies that come while no widget of the visitor
/// is open are sent to the site's push endpoint with it. A null or empty token forgets it (the user signed out).
/// </summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record PushTokenFrame
{
    public const string Name = "push_token";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    /// <summary><c>android</c>, <c>ios</c> or anything the retailer's push service understands.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Platform { get; init; }
}
