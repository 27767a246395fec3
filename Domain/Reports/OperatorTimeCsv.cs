using System.Globalization;
using System.Text;
using Switchboard.Contracts.Reports;

namespace Switchboard.Domain.Reports;

/// <summary>The operators' time report as CSV (RFC 4180, invariant culture): period, operator, then every figure in seconds and the share.</summary>
public static class OperatorTimeCsv
{
    public const string Header = "period,operator,online,away,offline,inChats,atFullCapacity,freeSeatShare";

    public static string Write(OperatorTimeReport report)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var row in report.Rows)
        {
            csv.AppendJoin(',', new object?[]
            {
                row.Period.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture), row.Operator, row.Online, row.Away, row.Offline,
                row.InChats, row.AtFullCapacity, row.FreeSeatShare,
            }.Select(value => ReportCsv.Escape(Convert.ToString(value, CultureInfo.InvariantCulture)))).Append("\r\n");
        }
        return csv.ToString();
    }
}
