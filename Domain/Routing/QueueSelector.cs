using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Routing;

/// <summary>The queue for a new chat: the visitor's choice, else the first routing rule that matches, else the site's default.</summary>
public static class QueueSelector
{
    public static string Select(SiteConfig site, string? chosen, VisitorFacts facts)
    {
        if (!string.IsNullOrEmpty(chosen))
        {
            return site.FindQueue(chosen)?.Id ?? throw SwitchboardException.BadRequest($"No queue '{chosen}' on this site.");
        }
        var rule = site.RoutingRules.FirstOrDefault(r => Matches(r, facts) && site.FindQueue(r.Queue) is not null);
        return rule?.Queue ?? site.DefaultQueue;
    }

    /// <summary>The highest priority among the rules the visitor matches (0 when none): waiting chats go by priority, then age.</summary>
    public static int Priority(SiteConfig site, VisitorFacts facts) =>
        site.RoutingRules.Where(r => Matches(r, facts)).Select(r => r.Priority).DefaultIfEmpty(0).Max();

    private static bool Matches(RoutingRule rule, VisitorFacts facts) =>
        (rule.PageContains is null || facts.Page?.Contains(rule.PageContains, StringComparison.OrdinalIgnoreCase) == true)
        && (rule.Region is null || string.Equals(rule.Region, facts.Region, StringComparison.OrdinalIgnoreCase))
        && (rule.CustomerType is null || string.Equals(rule.CustomerType, facts.CustomerType, StringComparison.OrdinalIgnoreCase));
}
