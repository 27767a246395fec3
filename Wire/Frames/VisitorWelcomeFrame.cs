using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>
/// The answer to the visitor's <c>hello</c>: who they are (and the token to come back as), whether the widget shows,
/// the conversation being resumed (null when none), how many operators are online, and the site's face.
/// </summary>
[WireFrame(Name, FrameSide.ServerToVisitor)]
public sealed record VisitorWelcomeFrame(
    string VisitorId,
    string VisitorToken,
    bool Widget,
    WelcomeConversation? Conversation,
    int Online,
    WelcomeSite Site)
{
    public const string Name = "welcome";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
