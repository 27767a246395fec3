using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Gateway.Dashboard;
using Switchboard.Gateway.Limits;

namespace Switchboard.Gateway.Auth;

public static class AuthEndpoints
{
    /// <summary>A hash no password matches (its password is random and thrown away), with the work of a real one.</summary>
    private static readonly Lazy<string> UnknownAccount = new(() => PasswordHash.Create(Guid.NewGuid().ToString("N")));

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login);
        // With the token in the header, every token of the operator is revoked and their consoles close; either way
        // the dashboard's cookie, which the console's script cannot reach, is cleared.
        app.MapPost("/api/auth/logout", async (HttpContext http, DashboardSignIn dashboard, OperatorAccounts accounts) =>
        {
            dashboard.SignOut(http);
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var identity = http.User.Identity();
                await accounts.RevokeAsync(identity.Site, identity.Login, OperatorAccounts.SignedOut);
            }
            return TypedResults.NoContent();
        });
        // Only a bearer header authenticates here (tickets count on /ws paths, the dashboard's cookie on its own path).
        app.MapPost("/api/ws-ticket", async (HttpContext http, WebSocketTickets tickets) =>
            TypedResults.Ok(new WebSocketTicketResponse(
                await tickets.IssueAsync(http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim()),
                (int)WebSocketTickets.Lifetime.TotalSeconds)))
            .RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SiteNames sites, TokenService tokens, DashboardSignIn dashboard, OperationsAccount operations, LoginThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request.Site) || string.IsNullOrWhiteSpace(request.Login) || request.Password is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "site, login and password are required.");
        }
        if (!throttle.TryAttempt(AddressGuard.KeyOf(http.Connection.RemoteIpAddress), request.Site, request.Login))
        {
            return TypedResults.Problem(statusCode: 429, title: "Too many login attempts; wait a minute.");
        }
        if (request.Site == OperationsAccount.Site)
        {
            return operations.SignIn(request.Login, request.Password) is { } ops
                ? Issue(ops, "Operations", http, tokens, dashboard)
                : TypedResults.Problem(statusCode: 401, title: "Wrong site, login or password.");
        }
        // Through the site names, so made-up ones (a password sprayer's) are refused from memory, not from a site grain.
        var config = await sites.FindAsync(request.Site);
        var account = config?.FindOperator(request.Login);
        // The same answer for an unknown site, login or password: nothing to probe.
        // An unknown account is checked against a hash of its own, so it takes as long as a wrong password.
        if (!PasswordHash.Verify(request.Password, account?.PasswordHash ?? UnknownAccount.Value) || account is null || account.Disabled)
        {
            return TypedResults.Problem(statusCode: 401, title: "Wrong site, login or password.");
        }
        return Issue(new OperatorIdentity(request.Site, account.Login, account.Role, account.Name), account.Name, http, tokens, dashboard);
    }

    private static Ok<LoginResponse> Issue(OperatorIdentity identity, string name, HttpContext http, TokenService tokens, DashboardSignIn dashboard)
    {
        var token = tokens.IssueOperator(identity);
        var dashboardPath = dashboard.SignIn(http, identity, token);
        return TypedResults.Ok(new LoginResponse(token, new(identity.Login, name, identity.Role), dashboardPath));
    }
}
