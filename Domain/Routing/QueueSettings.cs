using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Routing;

/// <summary>A queue's effective settings: its own where set, the site-wide defaults elsewhere.</summary>
public sealed record QueueSettings(
    HoldSchedule Hold,
    TimeSpan NoAnswer,
    TimeSpan MaxWait,
    TimeSpan MaxEta,
    WorkingHours? Hours,
    TimeSpan StickyGrace,
    TimeSpan Inactivity)
{
    public static QueueSettings Resolve(QueueConfig? queue, RoutingDefaults defaults, string? language) => new(
        queue?.Hold is { Steps.Count: > 0 } hold
            ? hold
            : new HoldSchedule([new HoldStep(defaults.HoldAfterSeconds, SystemTexts.Hold(language))], defaults.HoldRepeatSeconds),
        TimeSpan.FromSeconds(queue?.NoAnswerSeconds ?? defaults.NoAnswerSeconds),
        TimeSpan.FromSeconds(queue?.MaxWaitSeconds ?? defaults.MaxWaitSeconds),
        TimeSpan.FromSeconds(queue?.MaxEtaSeconds ?? defaults.MaxEtaSeconds),
        queue?.Hours,
        TimeSpan.FromSeconds(queue?.StickyGraceSeconds ?? defaults.StickyGraceSeconds),
        TimeSpan.FromMinutes(queue?.InactivityMinutes ?? defaults.InactivityMinutes));
}
