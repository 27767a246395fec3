using Switchboard.Contracts.Operators;

namespace Switchboard.Contracts.Queues;

/// <summary>A queue now: who waits, in order, and the operators it can route to.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueSnapshot")]
public sealed record QueueSnapshot(
    [property: Id(0)] string QueueId,
    [property: Id(1)] IReadOnlyList<WaitingChat> Waiting,
    [property: Id(2)] IReadOnlyList<OperatorAvailability> Roster,
    [property: Id(3)] Invitations.InvitationCounters Invitations,
    [property: Id(4)] Monitoring.DailyFigures Today);
