namespace Switchboard.Contracts.Channels;

/// <summary>
/// A WhatsApp message template the site's Meta account has approved, as the site configured it: its name and language
/// (what Meta knows it by), what it says (shown to operators and in the transcript; Meta sends its own approved copy),
/// and optionally which automatic message it stands in for once the 24-hour window is closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.MessageTemplate")]
public sealed record MessageTemplate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] string Body)
{
    /// <summary>One of <see cref="TemplatePurposes"/>, or null for a template only operators choose.</summary>
    [Id(3)] public string? Purpose { get; init; }
}
