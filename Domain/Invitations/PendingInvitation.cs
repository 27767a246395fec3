namespace Switchboard.Domain.Invitations;

/// <summary>
/// An invitation on the visitor's screen since <see cref="At"/>: accepting it starts a chat in <see cref="Queue"/>,
/// first offered to <see cref="Operator"/> if set.
/// </summary>
public sealed record PendingInvitation(string Id, string Rule, string Text, string Queue, string? Operator, DateTimeOffset At);
