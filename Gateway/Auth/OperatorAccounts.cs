using Switchboard.Contracts;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Auth;

/// <summary>
/// A token is only as good as the account behind it, read afresh on every request: a removed or disabled account,
/// or a token older than the account's last revocation, opens nothing, and the role and name are the account's now,
/// so a role change takes effect at once. Revoking also closes the operator's sockets on every gateway.
/// </summary>
public sealed class OperatorAccounts(IGrainFactory grains, OperationsAccount operations, TimeProvider clock)
{
    public const string SignedOut = "signed_out";
    public const string Disabled = "account_disabled";
    public const string Removed = "account_removed";
    public const string RoleChanged = "role_changed";

    /// <summary>The identity the token proves now, or null when the account no longer honours it.</summary>
    public async Task<OperatorIdentity?> CurrentAsync(IssuedOperatorToken token)
    {
        if (token.Identity.Site == OperationsAccount.Site)
        {
            return operations.Honours(token.Identity) ? token.Identity : null;
        }
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(token.Identity.Site)).GetConfig();
        var account = config?.FindOperator(token.Identity.Login);
        if (account is null || account.Disabled || token.IssuedAt < account.TokensValidFrom)
        {
            return null;
        }
        return token.Identity with { Role = account.Role, Name = account.Name };
    }

    /// <summary>Every token the operator holds stops working, and their open consoles close within moments.</summary>
    public async Task RevokeAsync(string site, string login, string reason)
    {
        if (site == OperationsAccount.Site)
        {
            return; // Configuration, not a site, holds the operations account; its tokens run out with their lifetime.
        }
        try
        {
            await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).RevokeOperatorTokens(login, clock.GetUtcNow());
        }
        catch (SwitchboardException refusal) when (refusal.Code == ErrorCodes.NotFound)
        {
            // Removed already: no token of theirs passes CurrentAsync; their sockets still have to close.
        }
        await grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, login)).SignOut(reason);
    }
}
