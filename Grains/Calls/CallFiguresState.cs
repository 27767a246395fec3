namespace Switchboard.Grains.Calls;

[GenerateSerializer, Alias("Switchboard.CallFiguresState")]
public sealed class CallFiguresState
{
    /// <summary>Waiting callers by call id, so a call told twice counts once.</summary>
    [Id(0)] public HashSet<string> Waiting { get; set; } = [];
    [Id(1)] public int Answered { get; set; }
    [Id(2)] public int Abandoned { get; set; }
    [Id(3)] public double AnswerSecondsTotal { get; set; }
    [Id(4)] public int CallbacksPending { get; set; }
    /// <summary>The (UTC) day the answered and abandoned counts are of; waiting callers and pending callbacks are now, not per day.</summary>
    [Id(5)] public DateOnly Day { get; set; }
}
