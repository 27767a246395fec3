namespace Switchboard.Contracts.Channels;

/// <summary>
/// A person reached through a messenger or the phone is a visitor whose id comes from their identity there, so the
/// same person always lands on the same visitor (and their open conversation) from any gateway node.
/// </summary>
public static class ContactIds
{
    public const int MaxPlatformIdLength = 64;

    /// <summary>The visitor id of <paramref name="platformId"/> on <paramref name="channel"/>, e.g. <c>telegram-123456</c>.</summary>
    public static string VisitorId(string channel, string platformId) =>
        IsValid(platformId) ? $"{channel}-{platformId}" : throw new ArgumentException("Not a platform id.", nameof(platformId));

    /// <summary>Platform ids are numbers, phone numbers or short tokens: nothing that could break a grain key.</summary>
    public static bool IsValid(string? platformId) =>
        platformId is { Length: > 0 and <= MaxPlatformIdLength } && platformId.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.');
}
