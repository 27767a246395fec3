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
        // Tokens are not revocable; signing out forgets what the browser holds that the console cannot reach.
        app.MapPost("/api/auth/logout", (HttpContext http, DashboardSignIn dashboard) =>
        {
            dashboard.SignOut(http);
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, IGrainFactory grains, TokenService tokens, DashboardSignIn dashboard, LoginThrottle throttle)
    {
        if (string.IsNullOrWhiteSpace(request.Site) || string.IsNullOrWhiteSpace(request.Login) || request.Password is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "site, login and password are required.");
        }
        if (!throttle.TryAttempt(AddressGuard.KeyOf(http.Connection.RemoteIpAddress), request.Site, request.Login))
        {
            return TypedResults.Problem(statusCode: 429, title: "Too many login attempts; wait a minute.");
        }
        var config = await grains.GetGrain<ISiteGrain>(GrainKeys.Site(request.Site)).GetConfig();
        var account = config?.FindOperator(request.Login);
        // The same answer for an unknown site, login or password: nothing to probe.
        // An unknown account is checked against a hash of its own, so it takes as long as a wrong password.
        if (!PasswordHash.Verify(request.Password, account?.PasswordHash ?? UnknownAccount.Value) || account is null)
        {
            return TypedResults.Problem(statusCode: 401, title: "Wrong site, login or password.");
        }
        var identity = new OperatorIdentity(request.Site, account.Login, account.Role, account.Name);
        var token = tokens.IssueOperator(identity);
        var dashboardPath = dashboard.SignIn(http, identity, token);
        return TypedResults.Ok(new LoginResponse(token, new(account.Login, account.Name, account.Role), dashboardPath));
    }
}
