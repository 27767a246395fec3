using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Dashboard;

namespace Switchboard.Gateway.Auth;

/// <summary>
/// Authenticates operators by their token: <c>Authorization: Bearer …</c>, or <c>access_token</c> in the
/// query on WebSocket paths (browsers cannot set headers on a WebSocket handshake), or the dashboard's
/// cookie on the dashboard's path (a page opened in a tab cannot set headers either).
/// </summary>
public sealed class OperatorTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    DashboardSignIn dashboard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SwitchboardToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (tokens.ReadOperator(token) is not { } identity)
        {
            return Task.FromResult(AuthenticateResult.Fail("The token is not valid or has expired."));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, identity.Login),
            new Claim(ClaimTypes.Name, identity.Name),
            new Claim(ClaimTypes.Role, identity.Role),
            new Claim(OperatorClaims.Site, identity.Site),
        ], SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return Request.Path.StartsWithSegments("/ws") ? Request.Query["access_token"].FirstOrDefault() : dashboard.ReadToken(Request);
    }

    /// <summary>A browser opening the dashboard without a valid cookie goes to the console's sign-in; everything else gets its 401.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!dashboard.IsPageRequest(Request))
        {
            return base.HandleChallengeAsync(properties);
        }
        Response.Redirect(DashboardSignIn.ConsoleSignIn);
        return Task.CompletedTask;
    }
}
