using System.Globalization;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// A data key as stored: sealed by the key named in <see cref="WrappedBy"/> (a master key's id, or a generation of
/// its site's key: <see cref="BySiteKey"/> for the first, <c>site#n</c> after rotations).
/// </summary>
public sealed record WrappedKey(string WrappedBy, byte[] Sealed)
{
    public const string BySiteKey = "site";

    public static string BySiteKeyGeneration(int generation) =>
        generation == 1 ? BySiteKey : string.Create(CultureInfo.InvariantCulture, $"{BySiteKey}#{generation}");

    /// <summary>The generation of the site key a data key is wrapped by (1 for keys from before rotation existed).</summary>
    public static int SiteKeyGeneration(string wrappedBy) =>
        wrappedBy == BySiteKey ? 1
        : wrappedBy.StartsWith(BySiteKey + "#", StringComparison.Ordinal) && int.TryParse(wrappedBy.AsSpan(BySiteKey.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && generation > 1
            ? generation
            : throw new System.Security.Cryptography.CryptographicException($"'{wrappedBy}' names no generation of a site key.");
}
