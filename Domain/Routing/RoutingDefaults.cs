namespace Switchboard.Domain.Routing;

/// <summary>
/// The <c>Routing</c> configuration section: what every queue gets unless its own configuration says
/// otherwise. Documented setting by setting in docs/routing.md.
/// </summary>
public sealed class RoutingDefaults
{
    public const string Section = "Routing";

    /// <summary>The first hold message's delay after an unanswered visitor message.</summary>
    public int HoldAfterSeconds { get; set; } = 25;
    /// <summary>After the schedule's steps, the last text again this often; 0 for never.</summary>
    public int HoldRepeatSeconds { get; set; } = 60;
    public int NoAnswerSeconds { get; set; } = 60;
    public int MaxWaitSeconds { get; set; } = 600;
    public int MaxEtaSeconds { get; set; } = 300;
    public int StickyGraceSeconds { get; set; } = 30;
    public int InactivityMinutes { get; set; } = 15;
    /// <summary>How long grains keep a site's configuration before reading it again: changes apply within this.</summary>
    public int ConfigRefreshSeconds { get; set; } = 5;
}
