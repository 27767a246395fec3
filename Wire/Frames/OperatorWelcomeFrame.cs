using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>The answer to the console's <c>hello</c>: the operator, and their open chats.</summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record OperatorWelcomeFrame(WelcomeOperator Operator, IReadOnlyList<WelcomeChat> Conversations)
{
    public const string Name = "welcome";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
