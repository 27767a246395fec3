using System.Text.Json.Serialization;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor of an operator's chat moved to a page or changed the cart (either may be null).</summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record VisitorUpdateFrame(string ConversationId, VisitedPage? Page, Cart? Cart)
{
    public const string Name = "visitor_update";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
