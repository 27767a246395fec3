namespace Switchboard.Contracts.Operators;

/// <summary>What a queue needs to know about an operator to route to them.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorAvailability")]
public sealed record OperatorAvailability(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Load,
    [property: Id(5)] DateTimeOffset IdleSince)
{
    public bool CanTakeMore => Status == OperatorStatus.Online && Load < Capacity;
}
