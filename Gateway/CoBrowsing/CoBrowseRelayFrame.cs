namespace Switchboard.Gateway.CoBrowsing;

/// <summary>
/// A checked co-browsing frame: which chat, the action the conversation judges (as in CoBrowseActions), and the frame
/// as the other side's socket will send it.
/// </summary>
public sealed record CoBrowseRelayFrame(string? ConversationId, string Action, byte[] Frame);
