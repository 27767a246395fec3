using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Channels;
using Switchboard.Gateway.Attachments;

namespace Switchboard.Gateway.Channels.Media;

/// <summary>
/// Brings a messenger message's files into the attachment store through the same pipeline as the widget's uploads
/// (type by content, the site's allow-list and limits, images re-encoded without metadata, thumbnails), before the
/// message is appended. Each file's id is fixed by the update and its place in it, so a retried delivery finds the
/// file it stored before instead of storing it twice. A file that is refused or cannot be fetched becomes a note in
/// the message: the text is never lost for a file.
/// </summary>
public sealed partial class MessengerFiles(
    PlatformDownloads downloads, AttachmentUploads uploads, AttachmentCatalog catalog, IOptions<AttachmentOptions> options,
    TimeProvider clock, ILogger<MessengerFiles> logger)
{
    public const int MaxAttempts = 3;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);

    public async Task<InboundFiles> FetchAsync(ChannelSettings settings, InboundMessage message, Uploader person, CancellationToken cancellationToken)
    {
        if (message.Media is not { Count: > 0 } media)
        {
            return InboundFiles.None;
        }
        var limits = options.Value.LimitsFor(message.Site);
        var (stored, notes) = (new List<StoredAttachment>(), new List<string>());
        for (var index = 0; index < media.Count; index++)
        {
            if (index >= limits.MaxFiles)
            {
                notes.Add($"[{media.Count - limits.MaxFiles} more file(s) not accepted: at most {limits.MaxFiles} per message]");
                break;
            }
            var id = FileId(message, index);
            try
            {
                stored.Add(await catalog.FindAsync(id, cancellationToken) ?? await StoreWithRetriesAsync(id, settings, message, media[index], person, limits, cancellationToken));
            }
            catch (UploadRefused refusal)
            {
                notes.Add($"[{media[index].Kind} not accepted: {refusal.Message}]");
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong with the file (the platform down, an answer not as documented), the text goes on.
                LogFetchFailed(message.Site, message.Channel, message.PlatformMessageId, error);
                notes.Add($"[{media[index].Kind} could not be fetched from {message.Channel}: ask for it again]");
            }
        }
        return new InboundFiles(stored, notes);
    }

    /// <summary>32 hex digits from the update's identity, like every attachment id.</summary>
    public static string FileId(InboundMessage message, int index) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{message.Site}\n{message.Channel}\n{message.PlatformMessageId}\n{index}")).AsSpan(0, 16));

    private async Task<StoredAttachment> StoreWithRetriesAsync(
        string id, ChannelSettings settings, InboundMessage message, InboundMedia media, Uploader person, AttachmentLimits limits,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var file = await downloads.DownloadAsync(settings, media, limits.MaxBytes, options.Value.FullSpoolDirectory, cancellationToken);
                return await uploads.UploadAsync(id, message.Site, person, new UploadForm(file, media.FileName ?? media.Kind, null), cancellationToken);
            }
            catch (Exception error) when (attempt < MaxAttempts && IsTransient(error, cancellationToken))
            {
                await Task.Delay(FirstRetry * (1 << (attempt - 1)), clock, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception error, CancellationToken cancellationToken) =>
        error is MediaUnavailable or HttpRequestException or IOException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(LogLevel.Warning, "A file of {Channel} message {MessageId} for site {Site} could not be fetched; the message goes without it.")]
    private partial void LogFetchFailed(string site, string channel, string messageId, Exception error);
}
