namespace Switchboard.Grains.Telemetry;

/// <summary>The <c>timer</c> tag of <c>switchboard.timer.lateness</c>.</summary>
internal static class TimerNames
{
    public const string Deadline = "deadline";
    public const string Invitation = "invitation";
}
