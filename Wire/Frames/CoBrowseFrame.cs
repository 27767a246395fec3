using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// Co-browsing consent (a Switchboard extension): the operator asks, the visitor answers, either stops. The server tells
/// both sides, with <see cref="By"/> saying who (or <c>system</c>: the chat closed or changed hands).
/// </summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
[WireFrame(Name, FrameSide.OperatorToServer)]
[WireFrame(Name, FrameSide.ServerToVisitor)]
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record CoBrowseFrame
{
    public const string Name = "cobrowse";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    /// <summary>The operator's chat; a visitor's frame is about their open chat and leaves it out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    public string? Action { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? By { get; init; }
}
