using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Gateway.Dashboard;

namespace Switchboard.Gateway.Auth;

public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login).RequireRateLimiting(LoginRateLimit);
        // Tokens are not revocable; signing out forgets what the browser holds that the console cannot reach.
        app.MapPost("/api/auth/logout", (HttpContext http, DashboardSignIn dashboard) =>
        {
            dashboard.SignOut(http);
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, IGrainFactory grains, TokenService tokens, DashboardSignIn dashboard)
    {
        if (string.IsNullOrWhiteSpace(request.Site) || string.IsNullOrWhiteSpace(request.Login) || request.Password is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "site, login and password are required.");
        }
        var config = await grains.GetGrain<ISiteGrain>(GrainKeys.Site(request.Site)).GetConfig();
        var account = config?.FindOperator(request.Login);
        // The same answer for an unknown site, login or password: nothing to probe.
        if (account is null || !PasswordHash.Verify(request.Password, account.PasswordHash))
        {
            return TypedResults.Problem(statusCode: 401, title: "Wrong site, login or password.");
        }
        var identity = new OperatorIdentity(request.Site, account.Login, account.Role, account.Name);
        var token = tokens.IssueOperator(identity);
        var dashboardPath = dashboard.SignIn(http, identity, token);
        return TypedResults.Ok(new LoginResponse(token, new(account.Login, account.Name, account.Role), dashboardPath));
    }
}
