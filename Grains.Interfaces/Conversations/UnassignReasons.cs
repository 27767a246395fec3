namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>reason</c> of an <c>unassigned</c> event or notice.</summary>
public static class UnassignReasons
{
    public const string Transfer = "transfer";
    public const string NoAnswer = "no_answer";
    public const string Closed = "closed";
    /// <summary>The operator declined a ringing call: it moves on as if unanswered, without setting them away.</summary>
    public const string Declined = "declined";
}
