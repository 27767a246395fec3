using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Gateway.Channels;

/// <summary>Constant-time comparisons of what a platform sent with what the site configured.</summary>
public static class SecretMatch
{
    public static bool Equal(string? sent, string? expected) =>
        sent is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    /// <summary>True when <paramref name="header"/> is <c>sha256=</c> and the hex HMAC-SHA256 of the body under the secret.</summary>
    public static bool Signature(string? header, string? secret, byte[] body)
    {
        const string prefix = "sha256=";
        if (header is null || secret is null || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        return Equal(header[prefix.Length..].ToLowerInvariant(), expected);
    }
}
