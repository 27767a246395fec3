namespace Switchboard.Domain.Conversations;

/// <summary>Buttons under an operator's message that the visitor can tap: a few short answers.</summary>
public static class QuickReplyButtons
{
    public const int MaxButtons = 6;
    public const int MaxLength = 40;

    public static IReadOnlyList<string>? Normalize(IReadOnlyList<string>? buttons)
    {
        if (buttons is null || buttons.Count == 0)
        {
            return null;
        }
        var kept = buttons.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct().ToList();
        return kept.Count > MaxButtons || kept.Any(b => b.Length > MaxLength)
            ? throw SwitchboardException.BadRequest($"At most {MaxButtons} quick replies of at most {MaxLength} characters.")
            : kept;
    }
}
