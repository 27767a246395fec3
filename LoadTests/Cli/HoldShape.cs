namespace Switchboard.LoadTests.Cli;

/// <summary>How many sockets <c>hold</c> opens, over how long, and how long invited visitors dwell first.</summary>
public sealed record HoldShape(int Count, TimeSpan Ramp, TimeSpan Dwell);
