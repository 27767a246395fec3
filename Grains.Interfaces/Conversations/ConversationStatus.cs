namespace Switchboard.Contracts.Conversations;

/// <summary>Where a conversation is in its life (DESIGN.md §4), as the protocol spells it.</summary>
public static class ConversationStatus
{
    public const string New = "new";
    public const string Queued = "queued";
    public const string Assigned = "assigned";
    public const string Active = "active";
    public const string Closed = "closed";

    public static bool IsOpen(string status) => status is Queued or Assigned or Active;
}
