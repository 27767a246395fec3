using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Silo.Channels.Phone;

/// <summary><c>X-Switchboard-Signature</c>: a <see cref="BodySignature"/> over the raw body, on events in and commands out.</summary>
public static class PhoneSignature
{
    public const string Header = "X-Switchboard-Signature";

    /// <summary>Compared in constant time, so the answer's timing tells nothing about the right signature.</summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(header.Trim().ToLowerInvariant()), Encoding.UTF8.GetBytes(BodySignature.Sign(secret, body)));
}
