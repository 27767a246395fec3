namespace Switchboard.LoadTests.Runner;

/// <summary>
/// One phase of a scenario's load, in the shapes load testers know from NBomber: an open model that injects
/// iterations at a rate whatever the system's answer time, or a closed model that keeps a number of copies busy.
/// Ramps move linearly from the previous phase's target to this one's.
/// </summary>
public sealed record LoadSimulation(SimulationKind Kind, int Target, TimeSpan Interval, TimeSpan During)
{
    /// <summary>Starts <paramref name="rate"/> iterations every <paramref name="interval"/>, evenly spread.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) => new(SimulationKind.Inject, rate, interval, during);

    /// <summary>Moves the injection rate linearly from the previous phase's rate to <paramref name="rate"/>.</summary>
    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) => new(SimulationKind.RampingInject, rate, interval, during);

    /// <summary>Keeps <paramref name="copies"/> iterations running: each copy starts its next one when the last ends.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new(SimulationKind.KeepConstant, copies, TimeSpan.Zero, during);

    /// <summary>Moves the number of copies linearly from the previous phase's to <paramref name="copies"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new(SimulationKind.RampingConstant, copies, TimeSpan.Zero, during);

    public bool IsOpen => Kind is SimulationKind.Inject or SimulationKind.RampingInject;

    public override string ToString() => Kind switch
    {
        SimulationKind.Inject => $"inject {Target}/{Seconds(Interval)} for {Seconds(During)}",
        SimulationKind.RampingInject => $"ramp injection to {Target}/{Seconds(Interval)} over {Seconds(During)}",
        SimulationKind.KeepConstant => $"keep {Target} copies for {Seconds(During)}",
        _ => $"ramp to {Target} copies over {Seconds(During)}",
    };

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.##}s";
}
