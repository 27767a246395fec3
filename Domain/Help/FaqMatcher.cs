using System.Text.RegularExpressions;
using Switchboard.Contracts.Help;

namespace Switchboard.Domain.Help;

/// <summary>
/// Matches a visitor's free question against a site's FAQ by shared words, simply enough to explain: both sides are
/// cut into words of three letters or more (common short words dropped), each word cut to its first
/// <see cref="StemLength"/> letters so Russian and English endings do not matter ("доставка", "доставки" → "достав"),
/// and the entry sharing the most stems with the question wins, if it shares at least
/// <see cref="MinimumShared"/> or all of the question's. The entry's question in both languages and its keywords count.
/// </summary>
public static partial class FaqMatcher
{
    public const int StemLength = 6;
    public const int MinimumShared = 2;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "the", "and", "you", "your", "how", "what", "when", "where", "can", "does", "with", "for", "are", "have", "this", "that",
        "как", "что", "где", "когда", "мне", "мой", "моя", "мое", "моё", "мои", "вас", "вам", "это", "или", "для", "есть", "можно",
    };

    public static FaqMatch? Match(string question, IReadOnlyList<FaqEntry> faq)
    {
        var asked = Stems(question);
        if (asked.Count == 0)
        {
            return null;
        }
        var best = faq
            .Select(entry => (Entry: entry, Shared: asked.Intersect(EntryStems(entry)).Order(StringComparer.Ordinal).ToList()))
            .Where(m => m.Shared.Count >= Math.Min(MinimumShared, asked.Count))
            .OrderByDescending(m => m.Shared.Count)
            .FirstOrDefault();
        return best.Entry is null ? null : new FaqMatch(best.Entry, best.Shared);
    }

    public static HashSet<string> Stems(string text) => Words().Matches(text.ToLowerInvariant())
        .Select(m => m.Value.Replace('ё', 'е'))
        .Where(w => w.Length >= 3 && !Ignored.Contains(w))
        .Select(w => w.Length > StemLength ? w[..StemLength] : w)
        .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> EntryStems(FaqEntry entry) =>
        Stems(string.Join(' ', [entry.Question.En, entry.Question.Ru, .. entry.Keywords ?? []]));

    [GeneratedRegex(@"\p{L}+|\p{N}+")]
    private static partial Regex Words();
}
