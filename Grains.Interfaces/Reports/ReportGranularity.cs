namespace Switchboard.Contracts.Reports;

/// <summary>The period lengths a report can be cut into, in the site's time zone; weeks start on Monday.</summary>
public static class ReportGranularity
{
    public const string Hour = "hour";
    public const string Day = "day";
    public const string Week = "week";
    /// <summary>One period: the whole range.</summary>
    public const string Total = "total";

    public static readonly IReadOnlyList<string> All = [Hour, Day, Week, Total];
}
