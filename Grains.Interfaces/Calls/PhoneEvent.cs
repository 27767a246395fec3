namespace Switchboard.Contracts.Calls;

/// <summary>One event of a call as the PBX reported it, already authenticated by the adapter.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PhoneEvent")]
public sealed record PhoneEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string CallId,
    [property: Id(2)] string Type,
    [property: Id(3)] string From,
    [property: Id(4)] string? To)
{
    [Id(5)] public string Direction { get; init; } = "inbound";
    /// <summary><c>input.dtmf</c>: the keys pressed, as sent (not necessarily digits).</summary>
    [Id(6)] public string? Digits { get; init; }
    /// <summary><c>call.ended</c>: <c>completed</c>, <c>busy</c>, <c>no_answer</c>, <c>rejected</c>, <c>failed</c>, <c>canceled</c>.</summary>
    [Id(7)] public string? Reason { get; init; }
    [Id(8)] public int? DurationSeconds { get; init; }
    /// <summary>
    /// The site's PBX takes commands pushed to its <c>commandUrl</c>: an offered call then rings in the console and is
    /// put through when the operator accepts, rather than at once. Set by the adapter, never by the PBX.
    /// </summary>
    [Id(9)] public bool PbxTakesCommands { get; init; }
    /// <summary><c>call.ended</c>: where the PBX keeps the recording (<c>data.recordingUrl</c>), if it made one.</summary>
    [Id(10)] public string? RecordingUrl { get; init; }
    /// <summary>The adapter the event came through (<see cref="PhoneAdapters"/>); set by the adapter, never by the PBX.</summary>
    [Id(11)] public string Adapter { get; init; } = PhoneAdapters.Generic;
    /// <summary><c>input.speech</c>: what the PBX recognised (<c>data.text</c>).</summary>
    [Id(12)] public string? SpeechText { get; init; }
}
