using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels.Vk;

/// <summary>
/// <c>method/messages.send</c>. Its <c>random_id</c> comes from our message id, so VK drops a retried send instead of
/// showing it twice. VK answers errors with HTTP 200 and an <c>error</c> object.
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
            ["user_id"] = recipient, ["message"] = message.Text ?? "", ["random_id"] = RandomId(message.MessageId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["access_token"] = settings.AccessToken ?? "", ["v"] = ApiVersion,
        };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            form["keyboard"] = Keyboard(replies);
        }
        var url = $"{settings.ApiBaseUrl}/method/messages.send";
        var (_, text, retryAfter) = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }, _ => null, cancellationToken);
        if (retryAfter is not null)
        {
            return new PlatformOutcome(PlatformStatus.RateLimited, RetryAfter: retryAfter);
        }
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (root.TryGetProperty("response", out var sent))
        {
            return new PlatformOutcome(PlatformStatus.Sent, sent.GetRawText());
        }
        var error = root.GetProperty("error");
        var code = error.GetProperty("error_code").GetInt32();
        var description = $"{code}: {(error.TryGetProperty("error_msg", out var m) ? m.GetString() : null)}";
        return code switch
        {
            NotAllowed => new PlatformOutcome(PlatformStatus.NotAllowed, Error: description),
            TooManyRequests => new PlatformOutcome(PlatformStatus.RateLimited, Error: description, RetryAfter: TimeSpan.FromSeconds(1)),
            _ => new PlatformOutcome(PlatformStatus.Failed, Error: description),
        };
    }

    /// <summary>A positive 31-bit number fixed by the message id.</summary>
    public static int RandomId(string messageId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(messageId))) & int.MaxValue;

    private static string Keyboard(IReadOnlyList<ReplyButton> replies) => new JsonObject
    {
        ["one_time"] = true,
        ["buttons"] = new JsonArray([.. replies.Select(r => (JsonNode)new JsonArray(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "text", ["label"] = r.Label.Length > 40 ? r.Label[..40] : r.Label, ["payload"] = JsonSerializer.Serialize(new { reply = r.Payload }) },
        }))]),
    }.ToJsonString();
}
