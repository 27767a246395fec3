namespace Switchboard.Contracts.Sites;

public static class Roles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    /// <summary>The cluster's operators (the people who run it, not a site's staff): the cluster dashboard; no site.</summary>
    public const string Operations = "operations";
}
