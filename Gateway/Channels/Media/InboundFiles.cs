using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Attachments;

namespace Switchboard.Gateway.Channels.Media;

/// <summary>
/// What became of a messenger message's files: those now stored (the message carries them), and a line for each one
/// that was not, so the operator reads that a photo was refused or could not be fetched instead of never knowing.
/// </summary>
public sealed record InboundFiles(IReadOnlyList<StoredAttachment> Stored, IReadOnlyList<string> Notes)
{
    public static readonly InboundFiles None = new([], []);

    public IReadOnlyList<Attachment>? Attachments => Stored.Count > 0 ? [.. Stored.Select(s => s.ToMessageAttachment())] : null;
}
