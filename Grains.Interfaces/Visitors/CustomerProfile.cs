namespace Switchboard.Contracts.Visitors;

/// <summary>A customer as one person across channels: how to reach them, and their conversations everywhere, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] IReadOnlyList<ChannelIdentity> Identities,
    [property: Id(2)] IReadOnlyList<CustomerConversation> Conversations,
    [property: Id(3)] string? LastOperator);
