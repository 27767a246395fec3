using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels.Telegram;

/// <summary>Bot API <c>sendMessage</c>, quick replies as an inline keyboard whose taps come back as <c>callback_query</c>.</summary>
public sealed class TelegramSender(RateLimitedHttp http) : IPlatformSender
{
    public async Task<PlatformOutcome> SendAsync(ChannelSettings settings, string recipient, PlatformMessage message, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["chat_id"] = recipient, ["text"] = message.Text ?? "" };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            body["reply_markup"] = new JsonObject
            {
                ["inline_keyboard"] = new JsonArray([.. replies.Select(r => (JsonNode)new JsonArray(new JsonObject { ["text"] = r.Label, ["callback_data"] = r.Payload }))]),
            };
        }
        var url = $"{settings.ApiBaseUrl}/bot{settings.BotToken}/sendMessage";
        var (response, text, retryAfter) = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, RetryAfter, cancellationToken);
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
        return new PlatformOutcome(PlatformStatus.Failed, Error: root.TryGetProperty("description", out var d) ? d.GetString() : $"HTTP {(int)response.StatusCode}");
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
