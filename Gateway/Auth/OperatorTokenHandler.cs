using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Dashboard;

namespace Switchboard.Gateway.Auth;

/// <summary>
/// Authenticates operators by their token: <c>Authorization: Bearer …</c>, or on WebSocket paths a one-time
/// <c>ticket</c> in the query (browsers cannot set headers on a handshake, and a token in a URL would end up in
/// proxies' logs; <see cref="WebSocketTickets"/>), or the dashboard's cookie on the dashboard's path (a page opened in
/// a tab cannot set headers either). The token must still be honoured by its account (<see cref="OperatorAccounts"/>).
/// </summary>
public sealed class OperatorTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    OperatorAccounts accounts,
    WebSocketTickets tickets,
    DashboardSignIn dashboard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SwitchboardToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await ReadTokenAsync();
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (tokens.ReadOperator(token) is not { } issued)
        {
            return AuthenticateResult.Fail("The token is not valid or has expired.");
        }
        if (await accounts.CurrentAsync(issued) is not { } identity)
        {
            return AuthenticateResult.Fail("The account was signed out, disabled or removed.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, identity.Login),
            new Claim(ClaimTypes.Name, identity.Name),
            new Claim(ClaimTypes.Role, identity.Role),
            new Claim(OperatorClaims.Site, identity.Site),
        ], SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<string?> ReadTokenAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (Request.Path.StartsWithSegments("/ws"))
        {
            return await tickets.RedeemAsync(Request.Query[WebSocketTickets.QueryName].FirstOrDefault());
        }
        return dashboard.ReadToken(Request);
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
