using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Visitors;

/// <summary>A signed-in customer from <c>hello.identity</c>, when the site's HMAC-SHA256 over the customer id checks out.</summary>
public static class IdentityVerifier
{
    public static VerifiedIdentity? Verify(InboundFrame frame, string secret, SocketConnection connection)
    {
        if (frame.OptionalObject("identity") is not { } identity)
        {
            return null;
        }
        string? Field(string name) => identity.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var customerId = Field("customerId");
        var signature = Field("signature");
        if (string.IsNullOrEmpty(customerId) || string.IsNullOrEmpty(signature))
        {
            throw InboundFrame.Bad("'identity' needs customerId and signature.");
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(customerId));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            given = [];
        }
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            connection.Send(EventFrames.Error(ErrorCodes.Unauthorized, "The identity signature does not match; continuing as a guest."));
            return null;
        }
        return new VerifiedIdentity(customerId, Field("name"), Field("email"), Field("phone"), Field("customerType"));
    }
}
