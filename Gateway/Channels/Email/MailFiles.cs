using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Channels.Media;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// A mail's attachments into the attachment store through the widget upload's pipeline (type by content, the site's
/// allow-list and limits, images scrubbed). Each file's id comes from the mail's Message-ID and its place, so a
/// re-read mail finds what it stored before. A refused file becomes a line the operator reads.
/// </summary>
public sealed class MailFiles(AttachmentUploads uploads, AttachmentCatalog catalog, IOptions<AttachmentOptions> options)
{
    public async Task<InboundFiles> StoreAsync(string site, string messageId, MimeMessage mail, Uploader customer, CancellationToken cancellationToken)
    {
        var parts = mail.Attachments.OfType<MimePart>().ToList();
        if (parts.Count == 0)
        {
            return InboundFiles.None;
        }
        var limits = options.Value.LimitsFor(site);
        var (stored, notes) = (new List<StoredAttachment>(), new List<string>());
        for (var index = 0; index < parts.Count; index++)
        {
            var name = parts[index].FileName ?? $"attachment-{index + 1}";
            if (index >= limits.MaxFiles)
            {
                notes.Add($"[{parts.Count - limits.MaxFiles} more file(s) not accepted: at most {limits.MaxFiles} per message]");
                break;
            }
            var id = FileId(site, messageId, index);
            try
            {
                stored.Add(await catalog.FindAsync(id, cancellationToken) ?? await StoreAsync(id, site, parts[index], name, customer, limits.MaxBytes, cancellationToken));
            }
            catch (UploadRefused refusal)
            {
                notes.Add($"[{name} not accepted: {refusal.Message}]");
            }
        }
        return new InboundFiles(stored, notes);
    }

    private async Task<StoredAttachment> StoreAsync(
        string id, string site, MimePart part, string name, Uploader customer, long maxBytes, CancellationToken cancellationToken)
    {
        await using var file = SpooledFile.Create(options.Value.FullSpoolDirectory);
        using (var decoded = new MemoryStream())
        {
            if (part.Content is { } content)
            {
                await content.DecodeToAsync(decoded, cancellationToken);
            }
            decoded.Position = 0;
            await file.FillAsync(decoded, maxBytes, cancellationToken);
        }
        return await uploads.UploadAsync(id, site, customer, new UploadForm(file, name, null), cancellationToken);
    }

    /// <summary>32 hex digits, like every attachment id.</summary>
    public static string FileId(string site, string messageId, int index) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{site}\nemail\n{messageId}\n{index}")).AsSpan(0, 16));
}
