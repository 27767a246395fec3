using Microsoft.Extensions.Time.Testing;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Visitors;
using Switchboard.Gateway.Visitors;
using Switchboard.Tests.Infrastructure;
using Switchboard.Wire.Frames;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// What a signed identity must prove before the gateway believes it: every claim that affects routing or display and its
/// expiry are signed with the site's secret (the current one, or the previous during a rotation).
/// </summary>
public sealed class IdentityVerificationTests
{
    private const string Secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly SiteConfig Site = TestSites.Config() with { IdentitySecret = Secret };

    private readonly FakeTimeProvider _clock = new(Now);

    /// <summary>The worked example of docs/identity.md, so the recipe the retailer follows is the one the gateway checks.</summary>
    [Fact]
    public void The_documented_worked_example_signs_to_the_documented_signature()
    {
        var payload = IdentitySignature.Payload("c-1042", "Irina Volkova", "irina@example.com", "+79001234567", "gold", 1796385600);

        Assert.Equal("v2\nc-1042\nIrina Volkova\nirina@example.com\n+79001234567\ngold\n1796385600", payload);
        Assert.Equal("4be04fed69ed3db02285c7841473c7d7116eb484a6ef8db4fcae21b47c2f0cd4", IdentitySignature.Sign(Secret, payload));
    }

    [Fact]
    public void A_claim_signed_with_the_sites_secret_and_not_yet_expired_is_accepted()
    {
        Assert.Null(Verifier().Refusal(Claim(Now.AddMinutes(30)), Site));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("customerType")]
    [InlineData("customerId")]
    [InlineData("expires")]
    public void Changing_any_signed_claim_breaks_the_signature(string tampered)
    {
        var claim = Claim(Now.AddMinutes(30));
        claim = tampered switch
        {
            "name" => claim with { Name = "Someone Else" },
            "email" => claim with { Email = "attacker@example.com" },
            "phone" => claim with { Phone = "+70000000000" },
            "customerType" => claim with { CustomerType = "corporate" },
            "customerId" => claim with { CustomerId = "c-1" },
            _ => claim with { Expires = claim.Expires + 3600 },
        };

        Assert.Equal("The identity signature does not match its claims.", Verifier().Refusal(claim, Site));
    }

    [Fact]
    public void A_claim_replayed_after_its_expiry_is_refused()
    {
        var claim = Claim(Now.AddMinutes(5));
        var verifier = Verifier();
        Assert.Null(verifier.Refusal(claim, Site));

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("The identity has expired; the page must sign it again.", verifier.Refusal(claim, Site));
    }

    [Fact]
    public void A_claim_without_an_expiry_or_signed_too_far_ahead_is_refused()
    {
        var unsigned = Claim(Now.AddMinutes(5)) with { Expires = null };
        var farAhead = Claim(Now + IdentityVerifier.MaxLifetime + TimeSpan.FromMinutes(1));

        Assert.Equal("The identity needs customerId, expires and signature.", Verifier().Refusal(unsigned, Site));
        Assert.Contains("expires more than 24 hours ahead", Verifier().Refusal(farAhead, Site));
    }

    [Fact]
    public void A_line_break_in_a_claim_is_refused_so_two_claim_sets_never_sign_alike()
    {
        var claim = Claim(Now.AddMinutes(5)) with { Name = "Irina\nVolkova" };

        Assert.Equal("An identity claim may not contain a line break.", Verifier().Refusal(claim, Site));
    }

    [Fact]
    public void During_a_rotation_the_previous_secret_is_accepted_until_its_grace_ends()
    {
        var rotated = Site with { IdentitySecret = "new-secret", PreviousIdentitySecret = Secret, PreviousIdentitySecretValidUntil = Now.AddHours(1) };
        var signedBefore = Claim(Now.AddHours(2));
        var verifier = Verifier();

        Assert.Null(verifier.Refusal(signedBefore, rotated));
        Assert.Null(verifier.Refusal(Claim(Now.AddHours(2), "new-secret"), rotated));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("The identity signature does not match its claims.", verifier.Refusal(signedBefore, rotated));
        Assert.Null(verifier.Refusal(Claim(Now.AddHours(2), "new-secret"), rotated));
    }

    private IdentityVerifier Verifier() => new(_clock);

    private static IdentityClaim Claim(DateTimeOffset expires, string secret = Secret)
    {
        var unix = expires.ToUnixTimeSeconds();
        var payload = IdentitySignature.Payload("c-1042", "Irina Volkova", "irina@example.com", "+79001234567", "gold", unix);
        return new IdentityClaim
        {
            CustomerId = "c-1042", Name = "Irina Volkova", Email = "irina@example.com", Phone = "+79001234567", CustomerType = "gold",
            Expires = unix, Signature = IdentitySignature.Sign(secret, payload),
        };
    }
}
