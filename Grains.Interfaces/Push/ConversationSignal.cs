namespace Switchboard.Contracts.Push;

/// <summary>A transient, unsequenced conversation push: queue position, typing.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ConversationSignal")]
public sealed record ConversationSignal(
    [property: Id(0)] string ConversationKey,
    [property: Id(1)] string Type,
    [property: Id(2)] int? Position = null,
    [property: Id(3)] int? EtaSeconds = null,
    [property: Id(4)] string? Draft = null)
{
    /// <summary>On <c>visitor_update</c>: the page the visitor moved to, or their cart.</summary>
    [Id(5)] public Invitations.PageView? Page { get; init; }
    [Id(6)] public Invitations.Cart? Cart { get; init; }

    /// <summary>On <c>cobrowse</c>: the frame and whom it is for.</summary>
    [Id(7)] public CoBrowsePush? CoBrowse { get; init; }
}
