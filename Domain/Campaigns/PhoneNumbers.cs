using System.Text;

namespace Switchboard.Domain.Campaigns;

/// <summary>
/// A contact's number as the campaign dials it: E.164 (<c>+</c>, then 8 to 15 digits, not starting with 0), after the
/// spaces, dashes, dots and brackets people write numbers with are taken out. Anything else is refused, not guessed at.
/// </summary>
public static class PhoneNumbers
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    /// <summary>The number in E.164, or null when it is not one.</summary>
    public static string? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || written.Length > 32)
        {
            return null;
        }
        var digits = new StringBuilder(MaxDigits + 1);
        foreach (var c in written.Trim())
        {
            if (char.IsAsciiDigit(c) || (c == '+' && digits.Length == 0))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }
        var number = digits.ToString();
        var count = number.Length - 1;
        return number.StartsWith('+') && count is >= MinDigits and <= MaxDigits && number[1] != '0' ? number : null;
    }
}
