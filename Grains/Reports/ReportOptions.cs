namespace Switchboard.Grains.Reports;

/// <summary>The <c>Reports</c> configuration section.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>An order within this many hours after a chat's start counts as the chat's conversion.</summary>
    public int ConversionHours { get; set; } = 24;

    /// <summary>How often the projector looks for new events once it has caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read and folded per transaction.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Whether this silo runs the projector (a report query works either way).</summary>
    public bool Project { get; set; } = true;
}
