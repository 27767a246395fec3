using System.Security.Cryptography;
using System.Text;
using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Visitors;

/// <summary>A signed-in customer from <c>hello.identity</c>, when the site's HMAC-SHA256 over the customer id checks out.</summary>
public static class IdentityVerifier
{
    public static VerifiedIdentity? Verify(IdentityClaim? identity, string secret, SocketConnection connection)
    {
        if (identity is null)
        {
            return null;
        }
        var (customerId, signature) = (identity.CustomerId, identity.Signature);
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
        return new VerifiedIdentity(customerId, identity.Name, identity.Email, identity.Phone, identity.CustomerType);
    }
}
