namespace Switchboard.Contracts.Visitors;

/// <summary>What a visitor's <c>hello</c> says about them: a verified identity, their language and region.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.VisitorHello")]
public sealed record VisitorHello(
    [property: Id(0)] VerifiedIdentity? Identity,
    [property: Id(1)] string? Language,
    [property: Id(2)] string? Region)
{
    /// <summary>The name a messenger shows for the person, used until a verified identity names them.</summary>
    [Id(3)] public string? DisplayName { get; init; }

    /// <summary>
    /// From the web widget, where each hello proves the identity afresh: one without it (the customer signed out, or
    /// someone else on the same browser) drops the identity an earlier hello verified, badge and all.
    /// </summary>
    [Id(4)] public bool FromWidget { get; init; }
}
