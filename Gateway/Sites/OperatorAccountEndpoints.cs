using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Gateway.Auth;

namespace Switchboard.Gateway.Sites;

/// <summary>
/// Operator accounts for supervisors: add or change one (with the password policy), disable it, remove it. A change
/// of role, a disabling or a removal revokes the account's tokens and closes its consoles at once.
/// </summary>
public static class OperatorAccountEndpoints
{
    public const int DefaultCapacity = 4;

    public static RouteGroupBuilder MapOperatorAccounts(this RouteGroupBuilder admin)
    {
        admin.MapPut("/operators/{login}", Upsert);
        admin.MapDelete("/operators/{login}", async (string site, string login, HttpContext http, IGrainFactory grains, OperatorAccounts accounts) =>
        {
            var open = await RemovedOperatorChats.OpenAsync(grains, site, login);
            try
            {
                await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).RemoveOperator(login);
            }
            catch (SwitchboardException refusal)
            {
                return TypedResults.Problem(statusCode: refusal.Code == ErrorCodes.NotFound ? 404 : 400, title: refusal.Message);
            }
            // Signed out (offline) first, so the queue cannot offer the chats straight back to them.
            await accounts.RevokeAsync(site, login, OperatorAccounts.Removed);
            await RemovedOperatorChats.HandBackAsync(grains, site, open, http.User.Identity().ToActor());
            return Results.NoContent();
        });
        return admin;
    }

    private static async Task<IResult> Upsert(string site, string login, OperatorRequest body, HttpContext http, IGrainFactory grains, OperatorAccounts accounts)
    {
        if (!string.IsNullOrEmpty(body.Password) && PasswordPolicy.Problem(login, body.Password) is { } weak)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [weak] });
        }
        var grain = grains.Grain<ISiteGrain>(GrainKeys.Site(site));
        if (await grain.GetConfig() is not { } config)
        {
            return TypedResults.NotFound();
        }
        var existing = config.FindOperator(login);
        var account = new OperatorAccount(login, body.Name, body.Role, string.IsNullOrEmpty(body.Password) ? "" : PasswordHash.Create(body.Password),
            body.Queues, body.Capacity ?? DefaultCapacity, body.Disabled ?? existing?.Disabled ?? false);
        try
        {
            var problems = SiteConfigValidator.Validate(config.WithOperator(account));
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems);
            }
            await grain.UpsertOperator(account);
        }
        catch (SwitchboardException refusal)
        {
            return TypedResults.Problem(statusCode: 400, title: refusal.Message);
        }
        if (existing is not null && (existing.Role != account.Role || account.Disabled && !existing.Disabled))
        {
            await accounts.RevokeAsync(site, login, account.Disabled ? OperatorAccounts.Disabled : OperatorAccounts.RoleChanged);
        }
        if (existing is not null && account.Disabled && !existing.Disabled)
        {
            var open = await RemovedOperatorChats.OpenAsync(grains, site, login);
            await RemovedOperatorChats.HandBackAsync(grains, site, open, http.User.Identity().ToActor(), RemovedOperatorChats.DisabledNote);
        }
        return TypedResults.NoContent();
    }
}
