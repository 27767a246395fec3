using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Visitors;

/// <summary>
/// The signing recipe for <c>hello.identity</c> (docs/identity.md): hex HMAC-SHA256, keyed with the site's identity
/// secret as UTF-8, over the claims that affect routing or display and the expiry, one per line in a fixed order:
/// <c>v2 \n customerId \n name \n email \n phone \n customerType \n expires</c>, an absent claim as an empty line,
/// <c>expires</c> in Unix seconds. A claim may not hold a line break, so no two claim sets sign the same text.
/// </summary>
public static class IdentitySignature
{
    public const string Version = "v2";

    public static string Payload(string customerId, string? name, string? email, string? phone, string? customerType, long expires) =>
        string.Join('\n', Version, customerId, name ?? "", email ?? "", phone ?? "", customerType ?? "",
            expires.ToString(CultureInfo.InvariantCulture));

    public static bool HasLineBreak(params string?[] claims) => claims.Any(c => c is not null && c.AsSpan().IndexOfAny('\n', '\r') >= 0);

    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    /// <summary>Whether <paramref name="signature"/> (hex, either case) is this payload's under the secret, in constant time.</summary>
    public static bool Matches(string secret, string payload, string signature)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)), given);
    }
}
