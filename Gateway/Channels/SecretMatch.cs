using System.Security.Cryptography;
using System.Text;
using Switchboard.Silo.Channels;

namespace Switchboard.Gateway.Channels;

/// <summary>Constant-time comparisons of what a platform sent with what the site configured.</summary>
public static class SecretMatch
{
    public static bool Equal(string? sent, string? expected) =>
        sent is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    /// <summary>True when <paramref name="header"/> is <see cref="BodySignature"/>'s signature of the body under the secret (hex in any case).</summary>
    public static bool Signature(string? header, string? secret, byte[] body) =>
        header is not null && secret is not null && header.StartsWith(BodySignature.Prefix, StringComparison.Ordinal)
        && Equal(BodySignature.Prefix + header[BodySignature.Prefix.Length..].ToLowerInvariant(), BodySignature.Sign(secret, body));
}
