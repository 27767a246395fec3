using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels.Vk;

/// <summary>
/// <c>method/messages.send</c>. Its <c>random_id</c> comes from our message id, so VK drops a retried send instead of
/// showing it twice. VK answers errors with HTTP 200 and an <c>error</c> object. A file is uploaded first, VK's way:
/// a photo through <c>photos.getMessagesUploadServer</c>, the upload and <c>photos.saveMessagesPhoto</c>; anything
/// else as a document through <c>docs.getMessagesUploadServer</c>, the upload and <c>docs.save</c>; then sent as the
/// message's <c>attachment</c>.
/// </summary>
public sealed class VkSender(RateLimitedHttp http) : IPlatformSender
{
    public const string ApiVersion = "5.199";
    public const int NotAllowed = 901;
    public const int TooManyRequests = 6;

    public async Task<PlatformOutcome> SendAsync(ChannelSettings settings, string recipient, PlatformMessage message, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["user_id"] = recipient, ["message"] = message.Text ?? "", ["random_id"] = RandomId(message.MessageId).ToString(CultureInfo.InvariantCulture),
        };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            form["keyboard"] = Keyboard(replies);
        }
        if (message.File is { } file)
        {
            var (attachment, refused) = file.IsImage
                ? await UploadPhotoAsync(settings, recipient, file, cancellationToken)
                : await UploadDocumentAsync(settings, recipient, file, cancellationToken);
            if (attachment is null)
            {
                return refused!;
            }
            form["attachment"] = attachment;
        }
        var (sent, failure) = await CallAsync(settings, "messages.send", form, cancellationToken);
        return failure ?? new PlatformOutcome(PlatformStatus.Sent, sent!.Value.GetRawText());
    }

    /// <summary>A positive 31-bit number fixed by the message id.</summary>
    public static int RandomId(string messageId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(messageId))) & int.MaxValue;

    private async Task<(string? Attachment, PlatformOutcome? Refused)> UploadPhotoAsync(
        ChannelSettings settings, string recipient, PlatformFile file, CancellationToken cancellationToken)
    {
        var (server, failure) = await CallAsync(settings, "photos.getMessagesUploadServer", new() { ["peer_id"] = recipient }, cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }
        var (uploaded, refused) = await UploadAsync(server!.Value.GetProperty("upload_url").GetString()!, "photo", file, cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }
        var (saved, notSaved) = await CallAsync(settings, "photos.saveMessagesPhoto", new()
        {
            ["server"] = uploaded!.Value.GetProperty("server").GetRawText(),
            ["photo"] = uploaded.Value.GetProperty("photo").GetString()!,
            ["hash"] = uploaded.Value.GetProperty("hash").GetString()!,
        }, cancellationToken);
        if (notSaved is not null)
        {
            return (null, notSaved);
        }
        var photo = saved!.Value[0];
        var key = photo.TryGetProperty("access_key", out var k) ? "_" + k.GetString() : "";
        return ($"photo{photo.GetProperty("owner_id").GetInt64()}_{photo.GetProperty("id").GetInt64()}{key}", null);
    }

    private async Task<(string? Attachment, PlatformOutcome? Refused)> UploadDocumentAsync(
        ChannelSettings settings, string recipient, PlatformFile file, CancellationToken cancellationToken)
    {
        var (server, failure) = await CallAsync(settings, "docs.getMessagesUploadServer", new() { ["type"] = "doc", ["peer_id"] = recipient }, cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }
        var (uploaded, refused) = await UploadAsync(server!.Value.GetProperty("upload_url").GetString()!, "file", file, cancellationToken);
        if (refused is not null)
        {
            return (null, refused);
        }
        var (saved, notSaved) = await CallAsync(settings, "docs.save", new()
        {
            ["file"] = uploaded!.Value.GetProperty("file").GetString()!, ["title"] = file.Name,
        }, cancellationToken);
        if (notSaved is not null)
        {
            return (null, notSaved);
        }
        var doc = saved!.Value.GetProperty("doc");
        return ($"doc{doc.GetProperty("owner_id").GetInt64()}_{doc.GetProperty("id").GetInt64()}", null);
    }

    /// <summary>The upload server's answer; its own <c>error</c> (a type or size VK will not take) makes the file unsupported.</summary>
    private async Task<(JsonElement? Uploaded, PlatformOutcome? Refused)> UploadAsync(string url, string field, PlatformFile file, CancellationToken cancellationToken)
    {
        var (response, text, retryAfter) = await http.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { file.Content(), field, file.Name } } },
            _ => null, cancellationToken);
        if (retryAfter is not null)
        {
            return (null, new PlatformOutcome(PlatformStatus.RateLimited, RetryAfter: retryAfter));
        }
        if (!response.IsSuccessStatusCode)
        {
            return (null, new PlatformOutcome(PlatformStatus.Failed, Error: $"VK's upload server answered {(int)response.StatusCode}."));
        }
        var root = JsonDocument.Parse(text).RootElement;
        return root.TryGetProperty("error", out var error)
            ? (null, new PlatformOutcome(PlatformStatus.Unsupported, Error: error.ToString()))
            : (root, null);
    }

    /// <summary>One API method with the community's token; its <c>response</c>, or the error as an outcome.</summary>
    private async Task<(JsonElement? Response, PlatformOutcome? Failure)> CallAsync(
        ChannelSettings settings, string method, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["access_token"] = settings.AccessToken ?? "";
        form["v"] = ApiVersion;
        var url = $"{settings.ApiBaseUrl}/method/{method}";
        var (_, text, retryAfter) = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }, _ => null, cancellationToken);
        if (retryAfter is not null)
        {
            return (null, new PlatformOutcome(PlatformStatus.RateLimited, RetryAfter: retryAfter));
        }
        var root = JsonDocument.Parse(text).RootElement;
        if (root.TryGetProperty("response", out var response))
        {
            return (response, null);
        }
        var error = root.GetProperty("error");
        var code = error.GetProperty("error_code").GetInt32();
        var description = $"{code}: {(error.TryGetProperty("error_msg", out var m) ? m.GetString() : null)}";
        return (null, code switch
        {
            NotAllowed => new PlatformOutcome(PlatformStatus.NotAllowed, Error: description),
            TooManyRequests => new PlatformOutcome(PlatformStatus.RateLimited, Error: description, RetryAfter: TimeSpan.FromSeconds(1)),
            _ => new PlatformOutcome(PlatformStatus.Failed, Error: description),
        });
    }

    private static string Keyboard(IReadOnlyList<ReplyButton> replies) => new JsonObject
    {
        ["one_time"] = true,
        ["buttons"] = new JsonArray([.. replies.Select(r => (JsonNode)new JsonArray(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "text", ["label"] = r.Label.Length > 40 ? r.Label[..40] : r.Label, ["payload"] = JsonSerializer.Serialize(new { reply = r.Payload }) },
        }))]),
    }.ToJsonString();
}
