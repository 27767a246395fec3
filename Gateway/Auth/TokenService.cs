using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Switchboard.Gateway.Auth;

/// <summary>
/// Signed, encrypted tokens from ASP.NET Core Data Protection: operator tokens expire and carry when they were
/// issued (so a sign-out revokes every earlier one), visitor tokens identify a browser for as long as it keeps them.
/// The key ring lives in the data directory.
/// </summary>
public sealed class TokenService(IDataProtectionProvider provider, IOptions<GatewaySettings> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _operators =
        provider.CreateProtector("Switchboard.OperatorToken.v2").ToTimeLimitedDataProtector();
    private readonly IDataProtector _visitors = provider.CreateProtector("Switchboard.VisitorToken.v1");

    public string IssueOperator(OperatorIdentity identity)
    {
        var now = clock.GetUtcNow();
        return _operators.Protect(
            string.Join('\n', identity.Site, identity.Login, identity.Role, identity.Name, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            now + options.Value.OperatorTokenLifetime);
    }

    /// <summary>Who the token was issued to and when, or null for a forged, broken or expired token.</summary>
    public IssuedOperatorToken? ReadOperator(string? token)
    {
        var parts = Unprotect(_operators, token)?.Split('\n');
        return parts is { Length: 5 } && long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            ? new IssuedOperatorToken(new OperatorIdentity(parts[0], parts[1], parts[2], parts[3]), DateTimeOffset.FromUnixTimeMilliseconds(issued))
            : null;
    }

    public string IssueVisitor(string site, string visitorId) => _visitors.Protect($"{site}\n{visitorId}");

    /// <summary>The visitor id in a token issued for this site, or null for a forged, foreign or broken token.</summary>
    public string? ReadVisitor(string site, string? token)
    {
        var parts = Unprotect(_visitors, token)?.Split('\n');
        return parts is { Length: 2 } && parts[0] == site ? parts[1] : null;
    }

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }
        try
        {
            return protector is ITimeLimitedDataProtector limited ? limited.Unprotect(token, out _) : protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
