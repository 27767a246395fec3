namespace Switchboard.Gateway.Auth;

/// <summary>
/// The <c>Operations</c> section: the account of whoever runs the cluster, the only one that opens the cluster
/// dashboard (it shows every site's load). It belongs to no site: it signs in with the site name
/// <see cref="OperationsAccount.Site"/>. Empty <c>Login</c> means no such account, except in the demo
/// (<see cref="OperationsAccount"/>).
/// </summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    public string Login { get; set; } = "";

    /// <summary>A secret of at least 10 characters: give it through the environment (<c>Operations__Password</c>).</summary>
    public string Password { get; set; } = "";
}
