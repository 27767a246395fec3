namespace Switchboard.LoadTests.Reports;

/// <summary>One line of a chart: its name in the legend and its points.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
