namespace Switchboard.Contracts.Visitors;

/// <summary>A visitor's <c>start_chat</c>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StartChatRequest")]
public sealed record StartChatRequest(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? Queue,
    [property: Id(2)] string? Text,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Form);
