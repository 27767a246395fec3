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
    /// <summary>On a call: no second call for them (one headset).</summary>
    [Id(6)] public bool OnCall { get; init; }
    /// <summary>On a call that blocks new chats (<c>callBlocksChats</c>).</summary>
    [Id(7)] public bool ChatsBlocked { get; init; }

    public bool CanTakeMore => Status == OperatorStatus.Online && Load < Capacity;
}
