namespace Switchboard.Contracts.Channels;

/// <summary>
/// One e-mail thread as replies need it: who to write to, the subject, and the Message-IDs so far (oldest first,
/// the root kept) for <c>In-Reply-To</c> and <c>References</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.EmailThread")]
public sealed record EmailThread(
    [property: Id(0)] string Address,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] IReadOnlyList<string> MessageIds);
