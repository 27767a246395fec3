namespace Switchboard.LoadTests.Reports;

/// <summary>
/// A figure against its target: met, missed, or not measured (with the reason in <see cref="Value"/>); or a figure
/// reported for itself, with no target (<see cref="Measured"/>).
/// </summary>
public sealed record Headline(string Figure, string Value, string Target, bool? Met)
{
    /// <summary>A figure with nothing to meet: what a scale-out step gives, say.</summary>
    public static Headline Measured(string figure, string value) => new(figure, value, "—", null) { IsMeasurement = true };

    public bool IsMeasurement { get; private init; }

    public string Verdict => IsMeasurement ? "measured" : Met switch { true => "met", false => "missed", null => "not measured" };
}
