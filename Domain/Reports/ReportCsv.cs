using System.Globalization;
using System.Text;
using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>A report as CSV (RFC 4180, invariant culture): the grouped dimensions, then every figure.</summary>
public static class ReportCsv
{
    private static readonly string[] Figures =
    [
        "offered", "answered", "missed", "firstResponseAverage", "firstResponseP90", "waitAverage", "waitP90", "handleAverage",
        "serviceLevel", "ratings", "csat", "dsat", "averageRating", "invitedShare", "orders", "conversion",
    ];

    public static string Write(Report report)
    {
        var dimensions = ReportDimensions.All.Where(report.Query.GroupBy.Contains).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "period" }.Concat(dimensions).Concat(Figures)).Append("\r\n");
        foreach (var row in report.Rows)
        {
            var cells = new List<string?> { row.Period.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture) };
            cells.AddRange(dimensions.Select(dimension => dimension switch
            {
                ReportDimensions.Queue => row.Queue,
                ReportDimensions.Operator => row.Operator,
                ReportDimensions.Channel => row.Channel,
                _ => row.Tag,
            }));
            cells.AddRange(new object?[]
            {
                row.Offered, row.Answered, row.Missed, row.FirstResponseAverage, row.FirstResponseP90, row.WaitAverage, row.WaitP90,
                row.HandleAverage, row.ServiceLevel, row.Ratings, row.Csat, row.Dsat, row.AverageRating, row.InvitedShare, row.Orders, row.Conversion,
            }.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)));
            csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
        }
        return csv.ToString();
    }

    // Quotes what needs it; a leading = + - @ is prefixed with ' so a spreadsheet never runs a tag as a formula.
    internal static string Escape(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
