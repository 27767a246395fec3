namespace Switchboard.Gateway.Auth;

/// <summary>A signed-in operator's token; <c>Dashboard</c> is where a supervisor's cluster dashboard is (null for others).</summary>
public sealed record LoginResponse(string Token, LoginResponse.OperatorInfo Operator, string? Dashboard)
{
    public sealed record OperatorInfo(string Id, string Name, string Role);
}
