namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>reason</c> of an <c>assigned</c> event.</summary>
public static class AssignmentReasons
{
    public const string Queue = "queue";
    /// <summary>The visitor's last operator, who has the sticky grace period to answer.</summary>
    public const string Sticky = "sticky";
    public const string Transfer = "transfer";
}
