using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels;

/// <summary>
/// What an operator sends through a messenger. <see cref="MessageId"/> is ours and stable across retries, so a
/// platform that deduplicates (VK's <c>random_id</c>) sees a retry as the same message.
/// </summary>
public sealed record PlatformMessage(string MessageId, string? Text, IReadOnlyList<ReplyButton>? QuickReplies = null, string? Template = null, string? TemplateLanguage = null)
{
    /// <summary>A file to send through the platform's own upload, with <see cref="Text"/> as its caption.</summary>
    public PlatformFile? File { get; init; }

    /// <summary>A template's body parameters, <c>{{1}}</c>, <c>{{2}}</c>… in order (a campaign's product link).</summary>
    public IReadOnlyList<string>? TemplateParameters { get; init; }
}
