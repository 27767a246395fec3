namespace Switchboard.Gateway.Auth;

public sealed record LoginRequest(string? Site, string? Login, string? Password);
