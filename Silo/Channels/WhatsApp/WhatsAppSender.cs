using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels.WhatsApp;

/// <summary>
/// Cloud API <c>POST /{apiVersion}/{phoneNumberId}/messages</c>: text, reply buttons (at most three), or a template; a
/// file is first uploaded (<c>POST /{apiVersion}/{phoneNumberId}/media</c>) and then sent as an image, video or document
/// message by the media id the upload returned.
/// </summary>
public sealed class WhatsAppSender(RateLimitedHttp http) : IPlatformSender
{
    public const int OutsideWindow = Domain.Channels.WhatsAppWindow.PlatformError;
    public const int MaxButtons = 3;

    public async Task<PlatformOutcome> SendAsync(ChannelSettings settings, string recipient, PlatformMessage message, CancellationToken cancellationToken)
    {
        if (message.File is not { } file)
        {
            return await SendBodyAsync(settings, Body(recipient, message), cancellationToken);
        }
        var (mediaId, refused) = await UploadAsync(settings, file, cancellationToken);
        if (mediaId is null)
        {
            return refused!;
        }
        var type = file.IsImage && file.ContentType != "image/webp" ? "image" : file.IsVideo ? "video" : "document";
        var media = new JsonObject { ["id"] = mediaId };
        if (message.Text is { Length: > 0 } caption)
        {
            media["caption"] = caption;
        }
        if (type == "document")
        {
            media["filename"] = file.Name;
        }
        return await SendBodyAsync(settings, new JsonObject
        {
            ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = recipient, ["type"] = type, [type] = media,
        }, cancellationToken);
    }

    /// <summary>The media id of the uploaded file; or, when WhatsApp refuses it (type, size), why, as unsupported.</summary>
    private async Task<(string? MediaId, PlatformOutcome? Refused)> UploadAsync(ChannelSettings settings, PlatformFile file, CancellationToken cancellationToken)
    {
        var url = $"{settings.ApiBaseUrl}/{settings.ApiVersion}/{settings.PhoneNumberId}/media";
        var (response, text, retryAfter) = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new MultipartFormDataContent
                {
                    { new StringContent("whatsapp"), "messaging_product" }, { new StringContent(file.ContentType), "type" }, { file.Content(), "file", file.Name },
                },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            return request;
        }, _ => null, cancellationToken);
        if (retryAfter is not null)
        {
            return (null, new PlatformOutcome(PlatformStatus.RateLimited, RetryAfter: retryAfter));
        }
        using var json = JsonDocument.Parse(text);
        if (response.IsSuccessStatusCode)
        {
            return (json.RootElement.GetProperty("id").GetString(), null);
        }
        var error = json.RootElement.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m) ? m.GetString() : null;
        return (null, new PlatformOutcome(
            (int)response.StatusCode is >= 400 and < 500 ? PlatformStatus.Unsupported : PlatformStatus.Failed, Error: error ?? $"HTTP {(int)response.StatusCode}"));
    }

    private async Task<PlatformOutcome> SendBodyAsync(ChannelSettings settings, JsonObject body, CancellationToken cancellationToken)
    {
        var url = $"{settings.ApiBaseUrl}/{settings.ApiVersion}/{settings.PhoneNumberId}/messages";
        var (response, text, retryAfter) = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            return request;
        }, _ => null, cancellationToken);
        if (retryAfter is not null)
        {
            return new PlatformOutcome(PlatformStatus.RateLimited, RetryAfter: retryAfter);
        }
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (response.IsSuccessStatusCode)
        {
            return new PlatformOutcome(PlatformStatus.Sent, root.GetProperty("messages")[0].GetProperty("id").GetString());
        }
        var error = root.GetProperty("error");
        var code = error.TryGetProperty("code", out var c) ? c.GetInt32() : 0;
        var description = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        return new PlatformOutcome(code == OutsideWindow ? PlatformStatus.TemplateRequired : PlatformStatus.Failed, Error: $"{code}: {description}");
    }

    private static JsonObject Body(string recipient, PlatformMessage message)
    {
        var body = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = recipient };
        if (message.Template is { } template)
        {
            body["type"] = "template";
            body["template"] = new JsonObject { ["name"] = template, ["language"] = new JsonObject { ["code"] = message.TemplateLanguage ?? "en" } };
            if (message.TemplateParameters is { Count: > 0 } parameters)
            {
                body["template"]!["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = "body",
                    ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p })]),
                });
            }
        }
        else if (message.QuickReplies is { Count: > 0 } replies)
        {
            body["type"] = "interactive";
            body["interactive"] = new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = message.Text ?? "" },
                ["action"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. replies.Take(MaxButtons).Select((r, i) => (JsonNode)new JsonObject
                    {
                        ["type"] = "reply", ["reply"] = new JsonObject { ["id"] = r.Payload, ["title"] = r.Label.Length > 20 ? r.Label[..20] : r.Label },
                    })]),
                },
            };
        }
        else
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["body"] = message.Text ?? "" };
        }
        return body;
    }
}
