namespace Switchboard.Contracts.Conversations;

/// <summary>The conversation event types; each takes the next sequence number.</summary>
public static class EventTypes
{
    public const string Started = "started";
    public const string Assigned = "assigned";
    public const string Unassigned = "unassigned";
    public const string Message = "message";
    public const string Closed = "closed";
    public const string Rated = "rated";
    public const string Transferred = "transferred";
    public const string Callback = "callback";
    /// <summary>An operator's internal note: visitors get the event (the sequence stays whole) without its text.</summary>
    public const string Note = "note";
}
