namespace Switchboard.Contracts.Queues;

/// <summary>
/// The operator a queue gave a chat before it was stored (<see cref="IQueueGrain.Claim"/>): their seat is reserved,
/// and the chat stores its start and this assignment in one write.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.DirectAssignment")]
public sealed record DirectAssignment(
    [property: Id(0)] string OperatorId,
    [property: Id(1)] string OperatorName,
    [property: Id(2)] string Reason);
