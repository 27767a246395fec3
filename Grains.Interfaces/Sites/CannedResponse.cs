namespace Switchboard.Contracts.Sites;

/// <summary>
/// A prepared answer: typing <see cref="Shortcut"/> (e.g. <c>/delivery</c>) in the console inserts <see cref="Text"/>,
/// whose placeholders (<c>{visitorName}</c>, <c>{operatorName}</c>, <c>{orderNumber}</c>) the console fills;
/// <see cref="QuickReplies"/> become buttons the visitor can tap.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CannedResponse")]
public sealed record CannedResponse(
    [property: Id(0)] string Shortcut,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text)
{
    [Id(3)] public IReadOnlyList<string> QuickReplies { get; init; } = [];
}
