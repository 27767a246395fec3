namespace Switchboard.Contracts.Sites;

/// <summary>
/// Hold messages while a visitor's message has no operator reply: each step after so many seconds,
/// then the last text again every <see cref="RepeatSeconds"/> (0: no repeats).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.HoldSchedule")]
public sealed record HoldSchedule(
    [property: Id(0)] IReadOnlyList<HoldStep> Steps,
    [property: Id(1)] int RepeatSeconds);
