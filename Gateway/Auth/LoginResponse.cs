namespace Switchboard.Gateway.Auth;

public sealed record LoginResponse(string Token, LoginResponse.OperatorInfo Operator)
{
    public sealed record OperatorInfo(string Id, string Name, string Role);
}
