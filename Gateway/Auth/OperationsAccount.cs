using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Gateway.Hosting;

namespace Switchboard.Gateway.Auth;

/// <summary>
/// The operations account from configuration (<see cref="OperationsOptions"/>). With none configured and the demo
/// on, the demo has one, <c>ops</c>, with the demo's password (which outside Development is the operator's own,
/// <see cref="DemoPasswordCheck"/>), so the standalone demo shows its dashboard. A configured password under 10
/// characters stops the start (validated with the options).
/// </summary>
public sealed class OperationsAccount
{
    /// <summary>The site name operations signs in with: not a possible site id, so no site can take it.</summary>
    public const string Site = "_operations";
    public const string DemoLogin = "ops";

    private readonly string? _passwordHash;

    public OperationsAccount(IOptions<OperationsOptions> options, IOptions<DemoOptions> demo)
    {
        var (login, password) = options.Value.Login.Length > 0
            ? (options.Value.Login, options.Value.Password)
            : demo.Value.Enabled ? (DemoLogin, demo.Value.OperatorPassword) : ("", "");
        Login = login.Length > 0 ? login : null;
        _passwordHash = Login is null ? null : PasswordHash.Create(password);
    }

    /// <summary>The operations login, or null when there is no operations account.</summary>
    public string? Login { get; }

    public OperatorIdentity? SignIn(string login, string password) =>
        Login is not null && login == Login && PasswordHash.Verify(password, _passwordHash!)
            ? new OperatorIdentity(Site, Login, Roles.Operations, "Operations")
            : null;

    /// <summary>Whether a token issued to <paramref name="identity"/> still names the configured account.</summary>
    public bool Honours(OperatorIdentity identity) => identity.Site == Site && identity.Login == Login && identity.Role == Roles.Operations;
}
