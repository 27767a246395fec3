namespace Switchboard.Domain.CoBrowsing;

/// <summary>What each side of a co-browsing session may say (docs/protocol.md, "Co-browsing").</summary>
public static class CoBrowseActions
{
    // Consent, told to both sides so every tab and console agrees on where the session stands.
    public const string Request = "request";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string RequestControl = "request_control";
    public const string AllowControl = "allow_control";
    public const string DenyControl = "deny_control";
    public const string Stop = "stop";

    // The session itself, relayed to the other side only.
    public const string Dom = "dom";
    public const string View = "view";
    public const string Highlight = "highlight";
    public const string Scroll = "scroll";
    public const string Fill = "fill";
}
