namespace Switchboard.Contracts.Operators;

/// <summary>An operator now: presence, capacity and the conversations they hold.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorSnapshot")]
public sealed record OperatorSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string Status,
    [property: Id(4)] int Capacity,
    [property: Id(5)] IReadOnlyList<string> Conversations,
    [property: Id(6)] int Missed,
    [property: Id(7)] Monitoring.DailyFigures? Today = null)
{
    /// <summary>The seats their conversations take, calls weighed (a chat is one): what routing compares to <see cref="Capacity"/>.</summary>
    [Id(8)] public int SeatsHeld { get; init; }
    [Id(9)] public bool OnCall { get; init; }
    [Id(10)] public bool ChatsBlocked { get; init; }
    /// <summary>Since when they have had <see cref="Status"/> (null when unknown: not changed since this was recorded).</summary>
    [Id(11)] public DateTimeOffset? StatusSince { get; init; }
}
