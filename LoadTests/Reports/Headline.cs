namespace Switchboard.LoadTests.Reports;

/// <summary>A figure against its target: met, missed, or not measured (with the reason in <see cref="Value"/>).</summary>
public sealed record Headline(string Figure, string Value, string Target, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "missed", null => "not measured" };
}
