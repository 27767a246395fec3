using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTests.Messengers;

/// <summary>
/// Telegram, both sides: the Bot API a site's channel points at (<see cref="Api"/>, which records the bot's
/// <c>sendMessage</c> calls) and Telegram's servers pushing a user's updates to the gateway's webhook with the
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header, as <c>setWebhook</c> with a <c>secret_token</c> makes Telegram do.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly ConcurrentQueue<BotMessage> _shown = new();
    private long _nextUpdateId;
    private long _nextMessageId;
    private string? _lastUpdate;

    private FakeTelegram(FakePlatform api, HttpClient gateway, string site, string botToken, string webhookSecret)
    {
        Api = api;
        Gateway = gateway;
        Site = site;
        BotToken = botToken;
        WebhookSecret = webhookSecret;
        // Update ids only grow, as Telegram's do, and from the clock: a second run against the same data never
        // repeats an id the person's open chat already holds (it would be taken for a redelivery).
        _nextUpdateId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public FakePlatform Api { get; }

    /// <summary>Where the webhook's updates go: a client whose base address is a gateway (any gateway of a cluster).</summary>
    public HttpClient Gateway { get; set; }

    public string Site { get; }

    /// <summary>Messages the Bot API answered <c>ok</c> to, in order: what the user's Telegram shows (refused sends are not in it).</summary>
    public IReadOnlyList<BotMessage> Shown => [.. _shown];

    public string BotToken { get; }
    public string WebhookSecret { get; }

    /// <summary>The body of <c>PUT /api/sites/{site}/channels/telegram</c> that points the site's bot at this fake.</summary>
    public object ChannelSettings => new { botToken = BotToken, webhookSecret = WebhookSecret, apiBaseUrl = Api.ApiBaseUrl };

    public static async Task<FakeTelegram> StartAsync(HttpClient gateway, string site, string botToken, string webhookSecret)
    {
        FakeTelegram? telegram = null;
        var api = await FakePlatform.StartAsync(request => telegram!.Answer(request));
        telegram = new FakeTelegram(api, gateway, site, botToken, webhookSecret);
        return telegram;
    }

    /// <summary>The user writes <paramref name="text"/> to the bot.</summary>
    public Task<HttpStatusCode> SendTextAsync(TelegramUser user, string text)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        return PushAsync(JsonSerializer.Serialize(new { update_id = id, message = Message(user, id, text) }));
    }

    /// <summary>The user taps an inline keyboard button whose <c>callback_data</c> is <paramref name="data"/>.</summary>
    public Task<HttpStatusCode> TapAsync(TelegramUser user, string data)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        return PushAsync(JsonSerializer.Serialize(new
        {
            update_id = id,
            callback_query = new { id = $"cb-{id}", from = From(user), data, message = Message(user, id, "") },
        }));
    }

    /// <summary>Telegram sends the last update again, as it does when it did not see the webhook's answer.</summary>
    public Task<HttpStatusCode> RedeliverLastAsync() =>
        PushAsync(_lastUpdate ?? throw new InvalidOperationException("Nothing was pushed yet."));

    /// <summary>Posts <paramref name="update"/> (any JSON) to the webhook with the secret.</summary>
    public Task<HttpStatusCode> PushAsync(string update)
    {
        _lastUpdate = update;
        return PostAsync(update, WebhookSecret);
    }

    /// <summary>Posts <paramref name="update"/> as a stranger would: with <paramref name="secret"/> as the header, or none.</summary>
    public Task<HttpStatusCode> PushForgedAsync(string update, string? secret) => PostAsync(update, secret);

    /// <summary>The next message the bot sent, as the user's Telegram would show it.</summary>
    public async Task<BotMessage> NextMessageAsync(TimeSpan within)
    {
        while (true)
        {
            if (ReadMessage(await Api.NextRequestAsync(within)) is { } message)
            {
                return message;
            }
        }
    }

    /// <summary>The next <c>sendMessage</c> is refused with Telegram's 429 and its <c>retry_after</c>.</summary>
    public void AnswerNextTooManyRequests(int retryAfterSeconds, Func<RecordedRequest, bool>? matches = null) =>
        Api.AnswerNext(matches ?? (_ => true), 429,
            JsonSerializer.Serialize(new
            {
                ok = false, error_code = 429, description = $"Too Many Requests: retry after {retryAfterSeconds}", parameters = new { retry_after = retryAfterSeconds },
            }));

    /// <summary>A <c>sendMessage</c> call read back: the chat, the text and the inline keyboard's buttons; null for other methods.</summary>
    public static BotMessage? ReadMessage(RecordedRequest request)
    {
        if (!request.PathAndQuery.EndsWith("/sendMessage", StringComparison.Ordinal))
        {
            return null;
        }
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var buttons = new List<BotButton>();
        if (root.TryGetProperty("reply_markup", out var markup) && markup.TryGetProperty("inline_keyboard", out var rows))
        {
            buttons.AddRange(rows.EnumerateArray().SelectMany(row => row.EnumerateArray())
                .Select(b => new BotButton(b.GetProperty("text").GetString() ?? "", b.GetProperty("callback_data").GetString() ?? "")));
        }
        var chat = root.GetProperty("chat_id");
        return new BotMessage(chat.ValueKind == JsonValueKind.String ? chat.GetString()! : chat.GetRawText(), root.GetProperty("text").GetString() ?? "", buttons);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private async Task<HttpStatusCode> PostAsync(string update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/telegram/{Site}") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(SecretHeader, secret);
        }
        using var response = await Gateway.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The Bot API's answer to <c>sendMessage</c>: <c>ok</c> with the sent message.</summary>
    private string Answer(RecordedRequest request)
    {
        var sent = ReadMessage(request);
        if (sent is not null)
        {
            _shown.Enqueue(sent);
        }
        return JsonSerializer.Serialize(new
        {
            ok = true,
            result = new
            {
                message_id = Interlocked.Increment(ref _nextMessageId),
                chat = new { id = long.TryParse(sent?.ChatId, out var chat) ? chat : 0, type = "private" },
                date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                text = sent?.Text ?? "",
            },
        });
    }

    private static object From(TelegramUser user) => new { id = user.Id, is_bot = false, first_name = user.FirstName };

    private static object Message(TelegramUser user, long id, string text) => new
    {
        message_id = id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = user.Id, type = "private" }, from = From(user), text,
    };
}
