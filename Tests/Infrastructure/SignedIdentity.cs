using Switchboard.Domain.Visitors;

namespace Switchboard.Tests.Infrastructure;

/// <summary><c>hello.identity</c> as a shop's server signs it (docs/identity.md), for the tests that need a signed-in customer.</summary>
public static class SignedIdentity
{
    public static object For(
        string secret, string customerId, DateTimeOffset expires, string? name = null, string? email = null, string? phone = null, string? customerType = null)
    {
        var unix = expires.ToUnixTimeSeconds();
        var signature = IdentitySignature.Sign(secret, IdentitySignature.Payload(customerId, name, email, phone, customerType, unix));
        return new { customerId, name, email, phone, customerType, expires = unix, signature };
    }
}
