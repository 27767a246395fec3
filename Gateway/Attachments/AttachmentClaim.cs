using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Attachments;

/// <summary>The files a message carries (null: none), and which of them this message was the first to take.</summary>
public sealed record AttachmentClaim(IReadOnlyList<Attachment>? Files, IReadOnlyList<string> NewlyClaimed)
{
    public static readonly AttachmentClaim None = new(null, []);
}
