namespace Switchboard.LoadTests.Runner;

/// <summary>A step that failed and was counted: the iteration stops here.</summary>
public sealed class StepFailedException(string step, string reason) : Exception($"{step}: {reason}")
{
    public string Step { get; } = step;
    public string Reason { get; } = reason;
}
