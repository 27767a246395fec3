using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary><c>X-Switchboard-Signature: sha256=&lt;hex HMAC-SHA256(signingSecret, raw body)&gt;</c>, both ways.</summary>
public static class PhoneSignature
{
    public const string Header = "X-Switchboard-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Compared in constant time, so the answer's timing tells nothing about the right signature.</summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant()));
}
