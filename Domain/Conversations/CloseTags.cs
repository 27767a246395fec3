namespace Switchboard.Domain.Conversations;

/// <summary>The topics a closed chat is tagged with: only the site's own.</summary>
public static class CloseTags
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> tags, IReadOnlyList<string> allowed)
    {
        var unknown = tags.Where(t => !allowed.Contains(t, StringComparer.Ordinal)).ToList();
        return unknown.Count > 0
            ? throw SwitchboardException.BadRequest($"Not one of the site's tags: {string.Join(", ", unknown)}.")
            : tags.Distinct(StringComparer.Ordinal).ToList();
    }
}
