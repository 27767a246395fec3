namespace Switchboard.LoadTests.Bench;

/// <summary>One operation's cost: bytes allocated per call, and the fastest and median round's nanoseconds per call.</summary>
public sealed record FrameCostResult(string Name, double BytesPerCall, double FastestNanos, double MedianNanos)
{
    public override string ToString() => $"{Name,-28} {BytesPerCall,8:F1} B/op {FastestNanos,8:F1} ns/op fastest {MedianNanos,8:F1} ns/op median";
}
