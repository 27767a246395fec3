namespace Switchboard.Contracts.Calls;

/// <summary>
/// The answer to one phone event: the commands for the PBX, and, when the caller chose their order status, that the
/// adapter must read it out first (the CRM connector lives at the edge, not in the cluster).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CallAnswer")]
public sealed record CallAnswer(
    [property: Id(0)] IReadOnlyList<PhoneCommand> Commands,
    [property: Id(1)] string Language)
{
    [Id(2)] public bool ReadOrderStatus { get; init; }
    /// <summary>The conversation behind the call, once it has one.</summary>
    [Id(3)] public string? ConversationId { get; init; }
    /// <summary>Why the event changed nothing (an unknown call, an event after the call ended), for the adapter's log.</summary>
    [Id(4)] public string? Ignored { get; init; }

    public static CallAnswer Nothing(string language, string why) => new([], language) { Ignored = why };
}
