namespace Switchboard.Contracts.Conversations;

/// <summary>
/// A message as its sender sends it: text, files, or both, with the sender's client id (retries are stored once).
/// Operators may add quick-reply buttons.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.MessageDraft")]
public sealed record MessageDraft(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? Text)
{
    [Id(2)] public IReadOnlyList<Attachment>? Attachments { get; init; }
    [Id(3)] public IReadOnlyList<string>? QuickReplies { get; init; }
    /// <summary>WhatsApp: send the site's approved template of this name instead of free text (operators only).</summary>
    [Id(4)] public string? Template { get; init; }
    /// <summary>The template's language, when the site has the same name in several.</summary>
    [Id(5)] public string? TemplateLanguage { get; init; }
}
