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
    [property: Id(7)] Monitoring.DailyFigures? Today = null);
