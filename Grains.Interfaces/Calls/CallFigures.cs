namespace Switchboard.Contracts.Calls;

/// <summary>
/// A queue's phone figures for supervisors, beside its chat figures: answered, abandoned and the average answer time
/// today (UTC), waiting callers and callbacks pending now.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CallFigures")]
public sealed record CallFigures(
    [property: Id(0)] string Queue,
    [property: Id(1)] int WaitingCallers,
    [property: Id(2)] int Answered,
    [property: Id(3)] int Abandoned,
    [property: Id(4)] double? AverageAnswerSeconds,
    [property: Id(5)] int CallbacksPending);
