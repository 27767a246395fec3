namespace Switchboard.Contracts.Invitations;

/// <summary>A site's invitation rules and the caps that keep them polite.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InvitationSettings")]
public sealed record InvitationSettings
{
    [Id(0)] public IReadOnlyList<InvitationRule> Rules { get; init; } = [];
    /// <summary>At most one invitation per this many minutes.</summary>
    [Id(1)] public int MinMinutesBetween { get; init; } = 5;
    [Id(2)] public int MaxPerVisit { get; init; } = 2;
    /// <summary>After a dismissal, none for this many minutes.</summary>
    [Id(3)] public int DismissCooldownMinutes { get; init; } = 30;
    /// <summary>The share of visitors who see the widget at all (a pilot), chosen deterministically from the visitor id.</summary>
    [Id(4)] public int WidgetSharePercent { get; init; } = 100;
}
