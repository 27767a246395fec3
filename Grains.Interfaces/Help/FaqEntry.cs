namespace Switchboard.Contracts.Help;

/// <summary>
/// A common question and its answer. A visitor's free question is matched against the question's words and the
/// extra <see cref="Keywords"/> (docs/waiting-help.md says how).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.FaqEntry")]
public sealed record FaqEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Question,
    [property: Id(2)] LocalizedText Answer,
    [property: Id(3)] IReadOnlyList<string>? Keywords = null);
