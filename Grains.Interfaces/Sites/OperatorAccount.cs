namespace Switchboard.Contracts.Sites;

/// <summary>
/// An operator's or supervisor's account on a site. The password is kept only as a PBKDF2 hash. A disabled account
/// cannot sign in; tokens issued before <see cref="TokensValidFrom"/> (a sign-out, a role change) no longer open anything.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorAccount")]
public sealed record OperatorAccount(
    [property: Id(0)] string Login,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] IReadOnlyList<string> Queues,
    [property: Id(5)] int Capacity,
    [property: Id(6)] bool Disabled = false,
    [property: Id(7)] DateTimeOffset TokensValidFrom = default);
