using Switchboard.Contracts.Invitations;

namespace Switchboard.Domain.Invitations;

/// <summary>
/// When the next invitation is due and for which rule, from the visit alone: the caps first (one per interval,
/// a maximum per visit, a quiet period after a dismissal, never while chatting, each rule once a visit), then
/// each rule's conditions. Time conditions give the moment a rule becomes true, so one timer armed at the
/// earliest suffices, re-armed whenever the page or the cart changes.
/// </summary>
public static class InvitationEngine
{
    public static (InvitationRule Rule, DateTimeOffset At)? Next(Visit visit, InvitationSettings settings, bool chatting)
    {
        if (chatting || visit.InvitationsShown >= settings.MaxPerVisit || visit.CurrentPage is null)
        {
            return null;
        }
        // An invitation still on screen (manual ones included) holds the next one back for the usual interval; one the
        // visitor simply ignored then makes way, rather than silencing the rest of the visit.
        var interval = TimeSpan.FromMinutes(settings.MinMinutesBetween);
        var allowedFrom = Max(visit.StartedAt,
            visit.LastInvitationAt + interval,
            visit.Pending?.At + interval,
            visit.DismissedAt + TimeSpan.FromMinutes(settings.DismissCooldownMinutes));
        (InvitationRule Rule, DateTimeOffset At)? best = null;
        foreach (var rule in settings.Rules.OrderByDescending(r => r.Priority))
        {
            if (visit.HasFired(rule.Id) || DueAt(rule, visit) is not { } due)
            {
                continue;
            }
            var at = Max(due, allowedFrom, visit.RetryAfter(rule.Id));
            if (best is null || at < best.Value.At)
            {
                best = (rule, at);
            }
        }
        return best;
    }

    /// <summary>The rule's text with <c>{product}</c> (the page title) and <c>{cartItem}</c> (the first cart item) filled in.</summary>
    public static string Render(InvitationRule rule, Visit visit) => rule.Text
        .Replace("{product}", visit.CurrentPage?.Title ?? "", StringComparison.Ordinal)
        .Replace("{cartItem}", visit.Cart?.Items.FirstOrDefault()?.Name ?? "", StringComparison.Ordinal);

    /// <summary>When the rule's conditions will all hold if nothing else changes; null when one of them cannot.</summary>
    private static DateTimeOffset? DueAt(InvitationRule rule, Visit visit)
    {
        var page = visit.CurrentPage!.Value;
        var cart = visit.Cart;
        var holds =
            (rule.UrlContains is null || page.Url.Contains(rule.UrlContains, StringComparison.OrdinalIgnoreCase))
            && (rule.MinPages is null || visit.PageCount >= rule.MinPages)
            && (rule.CartNotEmpty is not true || cart is { IsEmpty: false })
            && (rule.CartTotalAtLeast is null || cart?.Total >= rule.CartTotalAtLeast)
            && (rule.CartUnchangedMinutes is null || cart is { IsEmpty: false })
            && (rule.Returning is null || rule.Returning == visit.Returning)
            && Same(rule.UtmSource, visit.Source?.UtmSource)
            && Same(rule.UtmCampaign, visit.Source?.UtmCampaign);
        if (!holds)
        {
            return null;
        }
        return Max(page.At,
            page.At + Seconds(rule.MinPageSeconds),
            visit.StartedAt + Seconds(rule.MinSiteSeconds),
            visit.CartChangedAt + (rule.CartUnchangedMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null));
    }

    private static bool Same(string? wanted, string? actual) =>
        wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static DateTimeOffset Max(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.Aggregate(first, (max, other) => other > max ? other.Value : max);
}
