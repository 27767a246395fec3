using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Visitors;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// A signed-in customer from <c>hello.identity</c>, when the site signed every claim that affects routing or display
/// and the signature has not expired (<see cref="IdentitySignature"/>, docs/identity.md). Anything less is refused
/// with an <c>error</c> frame that says why, and the visitor carries on as a guest: the page still gets its chat.
/// </summary>
public sealed class IdentityVerifier(TimeProvider clock)
{
    /// <summary>How far ahead an identity may be signed: a copied page or a leaked signature is worthless after this.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public VerifiedIdentity? Verify(IdentityClaim? identity, SiteConfig config, SocketConnection connection)
    {
        if (identity is null)
        {
            return null;
        }
        if (Refusal(identity, config) is { } reason)
        {
            connection.Send(EventFrames.Error(ErrorCodes.Unauthorized, reason + " Continuing as a guest."));
            return null;
        }
        return new VerifiedIdentity(identity.CustomerId!, identity.Name, identity.Email, identity.Phone, identity.CustomerType);
    }

    /// <summary>Why the claim is refused, or null when it is signed, unexpired and within <see cref="MaxLifetime"/>.</summary>
    public string? Refusal(IdentityClaim identity, SiteConfig config)
    {
        if (string.IsNullOrEmpty(identity.CustomerId) || string.IsNullOrEmpty(identity.Signature) || identity.Expires is not { } expires)
        {
            return "The identity needs customerId, expires and signature.";
        }
        if (IdentitySignature.HasLineBreak(identity.CustomerId, identity.Name, identity.Email, identity.Phone, identity.CustomerType))
        {
            return "An identity claim may not contain a line break.";
        }
        var now = clock.GetUtcNow();
        if (expires <= now.ToUnixTimeSeconds())
        {
            return "The identity has expired; the page must sign it again.";
        }
        if (expires > (now + MaxLifetime).ToUnixTimeSeconds())
        {
            return $"The identity expires more than {MaxLifetime.TotalHours:0} hours ahead; sign it for a shorter time.";
        }
        var payload = IdentitySignature.Payload(identity.CustomerId, identity.Name, identity.Email, identity.Phone, identity.CustomerType, expires);
        return config.IdentitySecretsAt(now).Any(secret => IdentitySignature.Matches(secret, payload, identity.Signature))
            ? null
            : "The identity signature does not match its claims.";
    }
}
