namespace Switchboard.Silo.Hosting;

/// <summary>
/// The <c>Cluster:MembershipWatchdog</c> section: how often a silo checks that the membership table still holds
/// its own entry, and how many checks in a row may miss it before the silo gives up and exits.
/// </summary>
public sealed class MembershipWatchdogOptions
{
    public const string Section = "Cluster:MembershipWatchdog";

    /// <summary>One read of the table (one Redis HGETALL) per silo per period.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Consecutive checks that must miss the entry. More than one, so a read racing a write of the table (a
    /// silo joining, a table being re-created) is not taken for a loss.
    /// </summary>
    public int MissedChecksLimit { get; set; } = 2;

    /// <summary>
    /// How long the graceful stop may take before the process ends itself hard. With its entry gone Orleans
    /// cannot record its own departure and keeps retrying, so a graceful stop alone may never finish.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
