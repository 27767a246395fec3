namespace Switchboard.Contracts.Help;

/// <summary>
/// A button the widget shows while the chat waits. Tapping it sends its label as the visitor's message; the bot
/// answers with <see cref="Answer"/>, or does <see cref="Action"/> (<see cref="HelpActions"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.HelpButton")]
public sealed record HelpButton(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Label,
    [property: Id(2)] LocalizedText? Answer = null,
    [property: Id(3)] string? Action = null);
