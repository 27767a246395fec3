namespace Switchboard.Contracts.Conversations;

/// <summary>A waiting conversation's place in its queue and the honest wait estimate (null: nobody is online to estimate from).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueuePosition")]
public sealed record QueuePosition(
    [property: Id(0)] int Position,
    [property: Id(1)] int? EtaSeconds);
