using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Sites;

/// <summary>The changes an administrator can make to a site, as pure functions: the grain applies them, the REST layer previews them for validation.</summary>
public static class SiteConfigChanges
{
    public static SiteConfig WithQueue(this SiteConfig config, QueueConfig queue) =>
        config with { Queues = Replace(config.Queues, q => q.Id == queue.Id, queue) };

    /// <summary>
    /// Adds or replaces an account; an empty password hash keeps the existing one, and a revocation is never undone
    /// (the later of the two <see cref="OperatorAccount.TokensValidFrom"/> stays).
    /// </summary>
    public static SiteConfig WithOperator(this SiteConfig config, OperatorAccount account)
    {
        var existing = config.FindOperator(account.Login);
        if (string.IsNullOrEmpty(account.PasswordHash))
        {
            account = account with
            {
                PasswordHash = existing?.PasswordHash ?? throw SwitchboardException.BadRequest("A new operator needs a password."),
            };
        }
        if (existing is not null && existing.TokensValidFrom > account.TokensValidFrom)
        {
            account = account with { TokensValidFrom = existing.TokensValidFrom };
        }
        return config with { Operators = Replace(config.Operators, o => o.Login == account.Login, account) };
    }

    /// <summary>Removes an account; <c>not_found</c> when there is none, <c>bad_request</c> for the site's last supervisor.</summary>
    public static SiteConfig WithoutOperator(this SiteConfig config, string login)
    {
        var account = config.FindOperator(login) ?? throw SwitchboardException.NotFound($"No operator '{login}'.");
        if (account.Role == Contracts.Sites.Roles.Supervisor && config.Operators.Count(o => o.Role == Contracts.Sites.Roles.Supervisor && !o.Disabled) <= 1)
        {
            throw SwitchboardException.BadRequest("The site's last supervisor cannot be removed.");
        }
        return config with { Operators = [.. config.Operators.Where(o => o.Login != login)] };
    }

    /// <summary>Every token the account holds, issued before <paramref name="validFrom"/>, stops working.</summary>
    public static SiteConfig RevokingTokens(this SiteConfig config, string login, DateTimeOffset validFrom)
    {
        var account = config.FindOperator(login) ?? throw SwitchboardException.NotFound($"No operator '{login}'.");
        return config.WithOperator(account with { TokensValidFrom = validFrom });
    }

    public static SiteConfig WithInvitations(this SiteConfig config, InvitationSettings invitations) => config with { Invitations = invitations };

    public static SiteConfig WithRoutingRules(this SiteConfig config, IReadOnlyList<RoutingRule> rules) => config with { RoutingRules = rules };

    public static SiteConfig WithSettings(this SiteConfig config, SiteSettings settings) => config with
    {
        Name = settings.Name,
        Language = settings.Language,
        AllowedOrigins = settings.AllowedOrigins,
        DefaultQueue = settings.DefaultQueue,
        CallWeight = settings.CallWeight,
        CallBlocksChats = settings.CallBlocksChats,
        TimeZone = settings.TimeZone,
    };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, T item) =>
        items.Any(match) ? items.Select(i => match(i) ? item : i).ToList() : [.. items, item];
}
