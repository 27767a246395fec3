namespace Switchboard.Domain.Conversations;

/// <summary>
/// What message text the grains accept. The gateway applies the configured limit (default 4,000 characters);
/// this ceiling is the grains' own defence for callers that bypass it.
/// </summary>
public static class MessageText
{
    public const int MaxLength = 16_000;

    /// <summary>The text to store, or null for none; refuses empty required text and text over the ceiling.</summary>
    public static string? Normalize(string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? throw SwitchboardException.BadRequest("The message is empty.") : null;
        }
        if (text.Length > MaxLength)
        {
            throw new SwitchboardException(ErrorCodes.TooLarge, $"A message is at most {MaxLength} characters.");
        }
        return text;
    }
}
