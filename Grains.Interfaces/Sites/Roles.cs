namespace Switchboard.Contracts.Sites;

public static class Roles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
}
