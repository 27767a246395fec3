using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Sites;

/// <summary>What a valid list of canned responses is: shortcuts like <c>/delivery</c>, distinct, with a text.</summary>
public static class CannedResponses
{
    /// <summary>The problem, or null when the list is valid.</summary>
    public static string? Validate(IReadOnlyList<CannedResponse> canned)
    {
        if (canned.Any(c => c.Shortcut.Length < 2 || c.Shortcut[0] != '/' || c.Shortcut.Skip(1).Any(char.IsWhiteSpace)))
        {
            return "A shortcut starts with '/' and has no spaces, e.g. /delivery.";
        }
        if (canned.Select(c => c.Shortcut).Distinct(StringComparer.OrdinalIgnoreCase).Count() != canned.Count)
        {
            return "Shortcuts are distinct.";
        }
        if (canned.Any(c => string.IsNullOrWhiteSpace(c.Text) || c.Text.Length > 4000))
        {
            return "Every canned response has a text of at most 4,000 characters.";
        }
        return null;
    }
}
