using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Sites;

/// <summary>The changes an administrator can make to a site, as pure functions: the grain applies them, the REST layer previews them for validation.</summary>
public static class SiteConfigChanges
{
    public static SiteConfig WithQueue(this SiteConfig config, QueueConfig queue) =>
        config with { Queues = Replace(config.Queues, q => q.Id == queue.Id, queue) };

    /// <summary>Adds or replaces an account; an empty password hash keeps the existing one.</summary>
    public static SiteConfig WithOperator(this SiteConfig config, OperatorAccount account)
    {
        if (string.IsNullOrEmpty(account.PasswordHash))
        {
            account = account with
            {
                PasswordHash = config.FindOperator(account.Login)?.PasswordHash ?? throw SwitchboardException.BadRequest("A new operator needs a password."),
            };
        }
        return config with { Operators = Replace(config.Operators, o => o.Login == account.Login, account) };
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
    };

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, T item) =>
        items.Any(match) ? items.Select(i => match(i) ? item : i).ToList() : [.. items, item];
}
