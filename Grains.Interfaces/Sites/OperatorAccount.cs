namespace Switchboard.Contracts.Sites;

/// <summary>An operator's or supervisor's account on a site. The password is kept only as a PBKDF2 hash.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorAccount")]
public sealed record OperatorAccount(
    [property: Id(0)] string Login,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] IReadOnlyList<string> Queues,
    [property: Id(5)] int Capacity);
