using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Webhooks;

/// <summary>
/// The <c>X-Switchboard-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body
/// bytes under the endpoint's secret. The body carries its own <c>timestamp</c>, so a receiver that checks the
/// signature also knows the timestamp is genuine and can refuse old deliveries replayed by someone else.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Switchboard-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time check of a received header against the body.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
