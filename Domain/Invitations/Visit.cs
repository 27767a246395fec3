using Switchboard.Domain.Limits;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Domain.Invitations;

/// <summary>
/// One visit of a visitor, kept in memory by their grain: pages (the latest <paramref name="pagesKept"/>), cart, source
/// and what was already offered.
/// </summary>
public sealed class Visit(DateTimeOffset startedAt, bool returning, int pagesKept = StateLimits.DefaultPagesPerVisit)
{
    /// <summary>A visitor idle longer than this starts a new visit.</summary>
    public static readonly TimeSpan IdleGap = TimeSpan.FromMinutes(30);

    private readonly List<(string Url, string? Title, DateTimeOffset At)> _pages = [];

    public DateTimeOffset StartedAt { get; } = startedAt;
    public bool Returning { get; } = returning;
    public DateTimeOffset LastActivityAt { get; private set; } = startedAt;
    public VisitSource? Source { get; private set; }
    public Cart? Cart { get; private set; }
    public DateTimeOffset? CartChangedAt { get; private set; }

    /// <summary>Pages viewed in this visit, including those no longer kept.</summary>
    public int PageCount { get; private set; }
    public (string Url, string? Title, DateTimeOffset At)? CurrentPage => _pages.Count == 0 ? null : _pages[^1];

    /// <summary>Invitations shown in this visit, when the last one was, and the rules that already fired.</summary>
    public int InvitationsShown { get; private set; }
    public DateTimeOffset? LastInvitationAt { get; private set; }
    public DateTimeOffset? DismissedAt { get; private set; }
    // Both made when first needed: a visitor's grain lives as long as their visit, and most visits never see either.
    private HashSet<string>? _firedRules;
    /// <summary>Rules held back because the queue was saturated, and until when.</summary>
    private Dictionary<string, DateTimeOffset>? _heldBack;
    public PendingInvitation? Pending { get; set; }

    public bool HasFired(string rule) => _firedRules?.Contains(rule) == true;

    /// <summary>When a held-back rule may be tried again, if it was held back.</summary>
    public DateTimeOffset? RetryAfter(string rule) => _heldBack is not null && _heldBack.TryGetValue(rule, out var at) ? at : null;

    /// <summary>The rule's queue was saturated: it is not tried again before <paramref name="until"/>.</summary>
    public void HoldBack(string rule, DateTimeOffset until) => (_heldBack ??= new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal))[rule] = until;

    public bool IsOver(DateTimeOffset now) => now - LastActivityAt > IdleGap;

    public void Touch(DateTimeOffset now) => LastActivityAt = now;

    public void AddPage(string url, string? title, string? referrer, DateTimeOffset now)
    {
        Source ??= VisitSources.Parse(url, referrer);
        if (_pages.Count >= Math.Max(1, pagesKept))
        {
            // A visitor (or a script) viewing pages without end must not grow the grain: the oldest go.
            _pages.RemoveAt(0);
        }
        _pages.Add((url, title, now));
        PageCount++;
        LastActivityAt = now;
    }

    /// <summary>Takes the cart; true when it differs from the one held.</summary>
    public bool SetCart(Cart cart, DateTimeOffset now)
    {
        LastActivityAt = now;
        if (Cart is { } held && held.Total == cart.Total && held.Items.SequenceEqual(cart.Items))
        {
            return false;
        }
        Cart = cart;
        CartChangedAt = now;
        return true;
    }

    public void Invited(string rule, DateTimeOffset now)
    {
        InvitationsShown++;
        LastInvitationAt = now;
        (_firedRules ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule);
    }

    public void Dismissed(DateTimeOffset now)
    {
        DismissedAt = now;
        Pending = null;
    }

    public IReadOnlyList<PageView> Pages(DateTimeOffset now) => _pages
        .Select((page, i) => new PageView(page.Url, page.Title, page.At,
            (int)((i + 1 < _pages.Count ? _pages[i + 1].At : now) - page.At).TotalSeconds))
        .ToList();
}
