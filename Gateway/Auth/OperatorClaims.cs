using System.Security.Claims;

namespace Switchboard.Gateway.Auth;

public static class OperatorClaims
{
    public const string Site = "switchboard:site";

    public static OperatorIdentity Identity(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Site)!,
        user.FindFirstValue(ClaimTypes.NameIdentifier)!,
        user.FindFirstValue(ClaimTypes.Role)!,
        user.FindFirstValue(ClaimTypes.Name)!);
}
