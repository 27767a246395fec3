namespace Switchboard.Contracts.Operators;

/// <summary>
/// One change of how an operator spends their time, from <see cref="At"/> until the next change: their status, how
/// many chats they hold and whether those fill their capacity. <see cref="Seq"/> counts from 1 per operator, so a
/// change sent twice is stored once. Definitions: docs/reports.md, "Operators' time".
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorStatusChange")]
public sealed record OperatorStatusChange(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Status,
    [property: Id(3)] int Chats,
    [property: Id(4)] bool Full);
