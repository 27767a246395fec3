namespace Switchboard.Contracts.Invitations;

/// <summary>A queue's invitation figures: shown, suppressed because the queue was saturated, accepted.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InvitationCounters")]
public sealed record InvitationCounters(
    [property: Id(0)] long Shown,
    [property: Id(1)] long Suppressed,
    [property: Id(2)] long Accepted);
