namespace Switchboard.Domain.Campaigns;

/// <summary>A customer's answer to a robot's question, by keypad (<c>1</c> yes, <c>2</c> no) or by speech ("да"/"yes", "нет"/"no").</summary>
public static class SpokenAnswer
{
    private static readonly string[] Yes = ["да", "yes", "ага", "конечно", "yeah", "sure"];
    private static readonly string[] No = ["нет", "no", "не надо", "nope"];

    /// <summary>True for yes, false for no, null for anything else (to be asked again).</summary>
    public static bool? Read(string? digits, string? speech)
    {
        if (digits is { Length: > 0 })
        {
            return digits.Trim() switch { "1" => true, "2" => false, _ => null };
        }
        var text = speech?.Trim().Trim('.', '!', ',', '?').ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // "нет" before "да": "да нет" is a no in Russian, and a bare word is what a recogniser most often returns.
        if (No.Any(word => Contains(text, word)))
        {
            return false;
        }
        return Yes.Any(word => Contains(text, word)) ? true : null;
    }

    private static bool Contains(string text, string word) =>
        text == word || text.StartsWith(word + " ", StringComparison.Ordinal) || text.EndsWith(" " + word, StringComparison.Ordinal)
        || text.Contains(" " + word + " ", StringComparison.Ordinal);
}
