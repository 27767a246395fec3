namespace Switchboard.Gateway.Auth;

/// <summary>What an operator token says: who it was issued to, and when (checked against the account's revocations).</summary>
public sealed record IssuedOperatorToken(OperatorIdentity Identity, DateTimeOffset IssuedAt);
