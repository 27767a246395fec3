namespace Switchboard.Contracts.Push;

public static class NoticeTypes
{
    public const string Assigned = "assigned";
    public const string Unassigned = "unassigned";
    public const string Status = "status";
    /// <summary>The operator's tokens were revoked: close their consoles (<see cref="OperatorNotice.Reason"/> says why).</summary>
    public const string SignedOut = "signed_out";
}
