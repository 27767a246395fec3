using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Silo.Channels;

/// <summary>
/// <c>sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>: how WhatsApp signs its webhooks (<c>X-Hub-Signature-256</c>) and
/// how the product and a PBX sign phone events and commands (<c>X-Switchboard-Signature</c>, CHANNELS.md).
/// </summary>
public static class BodySignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
