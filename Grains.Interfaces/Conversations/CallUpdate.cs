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
    /// <summary>The operator who took the call, on <c>answered</c>.</summary>
    [Id(5)] public string? OperatorId { get; init; }
    [Id(6)] public string? OperatorName { get; init; }
    /// <summary>What came of the call, on <c>ended</c> (<see cref="CallOutcomes"/>).</summary>
    [Id(7)] public string? Outcome { get; init; }
    /// <summary>Where the PBX keeps the call's recording, when it sent one.</summary>
    [Id(8)] public string? RecordingUrl { get; init; }
    /// <summary>The caller's number, on <c>offered</c>: what the console's ringing shows.</summary>
    [Id(9)] public string? From { get; init; }
}
