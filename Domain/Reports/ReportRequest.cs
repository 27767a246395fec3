using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>
/// Reads a report's query string (<c>from</c>, <c>to</c>, <c>granularity</c>, <c>groupBy</c>, <c>queue</c>, <c>operator</c>,
/// <c>channel</c>, <c>tag</c>) and refuses what cannot be answered: a range over a year, an hourly report over a
/// month, an unknown dimension or granularity, an unknown parameter.
/// </summary>
public static class ReportRequest
{
    public const int MaxDays = 366;
    public const int MaxHourlyDays = 31;

    private static readonly string[] Known = ["from", "to", "granularity", "groupBy", "queue", "operator", "channel", "tag", "format"];

    public static (ReportQuery? Query, string? Error) Parse(IReadOnlyDictionary<string, string?> parameters, DateOnly today)
    {
        if (parameters.Keys.FirstOrDefault(key => !Known.Contains(key, StringComparer.Ordinal)) is { } unknown)
        {
            return (null, $"Unknown parameter '{unknown}'; known: {string.Join(", ", Known)}.");
        }
        if (!TryDate(parameters, "from", today.AddDays(-6), out var from) || !TryDate(parameters, "to", today, out var to))
        {
            return (null, "'from' and 'to' are dates: yyyy-MM-dd.");
        }
        if (to < from)
        {
            return (null, "'to' is before 'from'.");
        }
        var days = to.DayNumber - from.DayNumber + 1;
        if (days > MaxDays)
        {
            return (null, $"The range is {days} days; a report covers at most {MaxDays} days.");
        }
        var granularity = Value(parameters, "granularity") ?? ReportGranularity.Day;
        if (!ReportGranularity.All.Contains(granularity))
        {
            return (null, $"Unknown granularity '{granularity}'; one of: {string.Join(", ", ReportGranularity.All)}.");
        }
        if (granularity == ReportGranularity.Hour && days > MaxHourlyDays)
        {
            return (null, $"An hourly report covers at most {MaxHourlyDays} days; use days or weeks.");
        }
        var groupBy = (Value(parameters, "groupBy") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (groupBy.FirstOrDefault(dimension => !ReportDimensions.All.Contains(dimension)) is { } bad)
        {
            return (null, $"Unknown dimension '{bad}'; one of: {string.Join(", ", ReportDimensions.All)}.");
        }
        return (new ReportQuery
        {
            From = from, To = to, Granularity = granularity, GroupBy = groupBy,
            Queue = Value(parameters, "queue"), Operator = Value(parameters, "operator"),
            Channel = Value(parameters, "channel"), Tag = Value(parameters, "tag"),
        }, null);
    }

    private static string? Value(IReadOnlyDictionary<string, string?> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool TryDate(IReadOnlyDictionary<string, string?> parameters, string name, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return Value(parameters, name) is not { } text
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }
}
