using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels.Telegram;

/// <summary>
/// Bot API <c>sendMessage</c>, quick replies as an inline keyboard whose taps come back as <c>callback_query</c>; a file
/// as a multipart upload to <c>sendPhoto</c>, <c>sendVideo</c> or <c>sendDocument</c> with the text as its caption.
/// </summary>
public sealed class TelegramSender(RateLimitedHttp http) : IPlatformSender
{
    /// <summary>Telegram's longest caption; a longer text goes as a message of its own first.</summary>
    public const int MaxCaption = 1024;

    public async Task<PlatformOutcome> SendAsync(ChannelSettings settings, string recipient, PlatformMessage message, CancellationToken cancellationToken)
    {
        if (message.File is { } file)
        {
            if (message.Text is { Length: > MaxCaption })
            {
                var text = await SendAsync(settings, recipient, message with { File = null }, cancellationToken);
                if (text.Status != PlatformStatus.Sent)
                {
                    return text;
                }
                message = message with { Text = null };
            }
            return await SendFileAsync(settings, recipient, message, file, cancellationToken);
        }
        var body = new JsonObject { ["chat_id"] = recipient, ["text"] = message.Text ?? "" };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            body["reply_markup"] = new JsonObject
            {
                ["inline_keyboard"] = new JsonArray([.. replies.Select(r => (JsonNode)new JsonArray(new JsonObject { ["text"] = r.Label, ["callback_data"] = r.Payload }))]),
            };
        }
        var url = $"{settings.ApiBaseUrl}/bot{settings.BotToken}/sendMessage";
        return await PostAsync(url, () => JsonContent.Create(body), refusedMeansUnsupported: false, cancellationToken);
    }

    /// <summary>
    /// A photo Telegram shows inline, an MP4 in its player, anything else as a document with its name. A photo or
    /// video Telegram will not take as such (over 10 MB, odd proportions) is tried again as a document.
    /// </summary>
    private async Task<PlatformOutcome> SendFileAsync(ChannelSettings settings, string recipient, PlatformMessage message, PlatformFile file, CancellationToken cancellationToken)
    {
        var (method, field) = file.IsImage ? ("sendPhoto", "photo") : file.IsVideo ? ("sendVideo", "video") : ("sendDocument", "document");
        var sent = await SendFileAsync(settings, recipient, message, file, method, field, cancellationToken);
        return sent.Status == PlatformStatus.Unsupported && method != "sendDocument"
            ? await SendFileAsync(settings, recipient, message, file, "sendDocument", "document", cancellationToken)
            : sent;
    }

    private Task<PlatformOutcome> SendFileAsync(
        ChannelSettings settings, string recipient, PlatformMessage message, PlatformFile file, string method, string field, CancellationToken cancellationToken)
    {
        return PostAsync($"{settings.ApiBaseUrl}/bot{settings.BotToken}/{method}", () =>
        {
            var form = new MultipartFormDataContent { { new StringContent(recipient), "chat_id" }, { file.Content(), field, file.Name } };
            if (message.Text is { Length: > 0 } caption)
            {
                form.Add(new StringContent(caption), "caption");
            }
            return form;
        }, refusedMeansUnsupported: true, cancellationToken);
    }

    /// <summary>
    /// One Bot API call. A file Telegram answers 400 for (a photo it cannot process, a type it will not take) is
    /// unsupported, so it goes as text; any other failure is the platform's and is tried again.
    /// </summary>
    private async Task<PlatformOutcome> PostAsync(string url, Func<HttpContent> content, bool refusedMeansUnsupported, CancellationToken cancellationToken)
    {
        var (response, text, retryAfter) = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = content() }, RetryAfter, cancellationToken);
        if (retryAfter is not null)
        {
            return new PlatformOutcome(PlatformStatus.RateLimited, RetryAfter: retryAfter);
        }
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (response.IsSuccessStatusCode && root.TryGetProperty("ok", out var ok) && ok.GetBoolean())
        {
            return new PlatformOutcome(PlatformStatus.Sent, root.GetProperty("result").GetProperty("message_id").GetRawText());
        }
        var error = root.TryGetProperty("description", out var d) ? d.GetString() : $"HTTP {(int)response.StatusCode}";
        return new PlatformOutcome(
            refusedMeansUnsupported && response.StatusCode == System.Net.HttpStatusCode.BadRequest ? PlatformStatus.Unsupported : PlatformStatus.Failed,
            Error: error);
    }

    /// <summary>Telegram puts the wait in <c>parameters.retry_after</c> (seconds).</summary>
    private static TimeSpan? RetryAfter(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("parameters", out var p) && p.TryGetProperty("retry_after", out var r)
                ? TimeSpan.FromSeconds(r.GetInt32())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
