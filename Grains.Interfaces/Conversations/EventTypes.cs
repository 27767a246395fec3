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
    /// <summary>How far an operator's message got through a messenger (<see cref="DeliveryStatus"/>).</summary>
    public const string Delivery = "delivery";
    /// <summary>The call behind a phone conversation was offered, answered or ended (<see cref="CallStates"/>).</summary>
    public const string Call = "call";
}
