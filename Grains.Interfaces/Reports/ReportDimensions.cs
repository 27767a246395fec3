namespace Switchboard.Contracts.Reports;

/// <summary>What a report can be grouped and filtered by.</summary>
public static class ReportDimensions
{
    public const string Queue = "queue";
    public const string Operator = "operator";
    public const string Channel = "channel";
    public const string Tag = "tag";

    public static readonly IReadOnlyList<string> All = [Queue, Operator, Channel, Tag];
}
