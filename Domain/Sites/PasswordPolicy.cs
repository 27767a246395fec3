namespace Switchboard.Domain.Sites;

/// <summary>
/// What a password set over REST must be: long enough to resist guessing at the login rate limit, and not the login
/// itself. Length beats composition rules (NIST SP 800-63B), so there are none of those.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>What is wrong with the password, or null when it is acceptable.</summary>
    public static string? Problem(string login, string password)
    {
        if (password.Length is < MinLength or > MaxLength)
        {
            return $"A password is {MinLength} to {MaxLength} characters.";
        }
        if (password.Contains(login, StringComparison.OrdinalIgnoreCase))
        {
            return "A password may not contain the login.";
        }
        return password.Distinct().Count() < 4 ? "A password needs at least 4 different characters." : null;
    }
}
