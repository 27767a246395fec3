namespace Switchboard.Contracts.Push;

public static class NoticeTypes
{
    public const string Assigned = "assigned";
    public const string Unassigned = "unassigned";
    public const string Status = "status";
}
