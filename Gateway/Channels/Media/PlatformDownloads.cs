using System.Net.Http.Headers;
using System.Text.Json;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Attachments;

namespace Switchboard.Gateway.Channels.Media;

/// <summary>
/// Fetches a messenger file the way its platform hands it out: Telegram <c>getFile</c> then
/// <c>file/bot{token}/{file_path}</c>; WhatsApp <c>GET /{version}/{media-id}</c> then its URL, both with the bearer
/// token; VK the URL in the update, or for a video its largest MP4 from <c>video.get</c>. The bytes stream into a temporary file, counted on the way, so a platform's 2 GB
/// file is refused at the limit (or at once, when its size is stated) without being held anywhere.
/// </summary>
public sealed class PlatformDownloads(HttpClient http)
{
    public async Task<SpooledFile> DownloadAsync(
        ChannelSettings settings, InboundMedia media, long maxBytes, string spoolDirectory, CancellationToken cancellationToken)
    {
        RefuseIfTooLarge(media.DeclaredSize, maxBytes);
        using var request = settings.Channel switch
        {
            ChannelNames.Telegram => await TelegramFileAsync(settings, media, maxBytes, cancellationToken),
            ChannelNames.WhatsApp => await WhatsAppFileAsync(settings, media, maxBytes, cancellationToken),
            ChannelNames.Vk when media.Kind == InboundMedia.Video => await VkVideoAsync(settings, media, cancellationToken),
            ChannelNames.Vk => new HttpRequestMessage(HttpMethod.Get, media.Reference),
            _ => throw new InvalidOperationException($"No downloads from '{settings.Channel}'."),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        EnsureSuccess(response, settings.Channel);
        RefuseIfTooLarge(response.Content.Headers.ContentLength, maxBytes);
        var file = SpooledFile.Create(spoolDirectory);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await file.FillAsync(body, maxBytes, cancellationToken);
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>getFile</c> names the file's path on the Bot API's file server (and its size, checked before the download).</summary>
    private async Task<HttpRequestMessage> TelegramFileAsync(ChannelSettings settings, InboundMedia media, long maxBytes, CancellationToken cancellationToken)
    {
        var bot = $"{settings.ApiBaseUrl}/bot{settings.BotToken}";
        using var json = await GetJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"{bot}/getFile?file_id={Uri.EscapeDataString(media.Reference)}"), settings.Channel, cancellationToken);
        var result = json.RootElement.GetProperty("result");
        RefuseIfTooLarge(result.TryGetProperty("file_size", out var size) ? size.GetInt64() : null, maxBytes);
        var path = result.GetProperty("file_path").GetString() ?? throw new MediaUnavailable("Telegram named no file path.");
        return new HttpRequestMessage(HttpMethod.Get, $"{settings.ApiBaseUrl}/file/bot{settings.BotToken}/{path}");
    }

    /// <summary>The media id gives a short-lived URL (and the size); both requests carry the access token.</summary>
    private async Task<HttpRequestMessage> WhatsAppFileAsync(ChannelSettings settings, InboundMedia media, long maxBytes, CancellationToken cancellationToken)
    {
        using var json = await GetJsonAsync(
            Bearer(new HttpRequestMessage(HttpMethod.Get, $"{settings.ApiBaseUrl}/{settings.ApiVersion}/{Uri.EscapeDataString(media.Reference)}"), settings),
            settings.Channel, cancellationToken);
        var root = json.RootElement;
        RefuseIfTooLarge(root.TryGetProperty("file_size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : null, maxBytes);
        var url = root.GetProperty("url").GetString() ?? throw new MediaUnavailable("WhatsApp named no media URL.");
        return Bearer(new HttpRequestMessage(HttpMethod.Get, url), settings);
    }

    /// <summary>
    /// <c>video.get</c> lists the video's MP4 renditions by height (<c>files.mp4_720</c>…): the largest is fetched. A
    /// video VK gives no file for (one on another site, a live stream) cannot be fetched.
    /// </summary>
    private async Task<HttpRequestMessage> VkVideoAsync(ChannelSettings settings, InboundMedia media, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["videos"] = media.Reference, ["access_token"] = settings.AccessToken ?? "", ["v"] = Switchboard.Silo.Channels.Vk.VkSender.ApiVersion };
        using var json = await GetJsonAsync(
            new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiBaseUrl}/method/video.get") { Content = new FormUrlEncodedContent(form) }, settings.Channel, cancellationToken);
        var url = json.RootElement.TryGetProperty("response", out var response)
            && response.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } video
            && video.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Object
                ? files.EnumerateObject()
                    .Where(f => f.Name.StartsWith("mp4_", StringComparison.Ordinal) && f.Value.ValueKind == JsonValueKind.String)
                    .MaxBy(f => int.TryParse(f.Name[4..], System.Globalization.CultureInfo.InvariantCulture, out var height) ? height : 0)
                    .Value.GetString()
                : null;
        return new HttpRequestMessage(HttpMethod.Get, url ?? throw new MediaUnavailable("VK gives no file for this video."));
    }

    private async Task<JsonDocument> GetJsonAsync(HttpRequestMessage request, string channel, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            EnsureSuccess(response, channel);
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
    }

    private static HttpRequestMessage Bearer(HttpRequestMessage request, ChannelSettings settings)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        return request;
    }

    private static void EnsureSuccess(HttpResponseMessage response, string channel)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new MediaUnavailable($"{channel} answered {(int)response.StatusCode} for the file.");
        }
    }

    private static void RefuseIfTooLarge(long? size, long maxBytes)
    {
        if (size > maxBytes)
        {
            throw UploadRefused.TooLarge(maxBytes);
        }
    }
}
