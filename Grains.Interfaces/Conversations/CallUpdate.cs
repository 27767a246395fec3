namespace Switchboard.Contracts.Conversations;

/// <summary>A change of the call behind a phone conversation, reported by the phone adapter (idempotent by <see cref="EventId"/>).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CallUpdate")]
public sealed record CallUpdate(
    [property: Id(0)] string EventId,
    [property: Id(1)] string CallId,
    [property: Id(2)] string State)
{
    /// <summary>Why the call ended: <c>completed</c>, <c>busy</c>, <c>no_answer</c>, <c>rejected</c>, <c>failed</c>, <c>canceled</c>.</summary>
    [Id(3)] public string? Reason { get; init; }
    [Id(4)] public int? DurationSeconds { get; init; }
}
