namespace Switchboard.Contracts.Push;

/// <summary>
/// A co-browsing frame on its way from one side of a chat to the other, already written as the receiving socket sends
/// it: the conversation only decides who gets it (its consent rules) and never stores it. <see cref="Ended"/> (with no
/// frame) when the chat itself ended the session: it closed or changed hands.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CoBrowsePush")]
public sealed record CoBrowsePush(
    [property: Id(0)] byte[] Frame,
    [property: Id(1)] bool ToVisitor,
    [property: Id(2)] string? ToOperator,
    [property: Id(3)] bool Ended = false);
