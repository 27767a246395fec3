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
    private readonly ConcurrentQueue<PlatformUpload> _uploads = new();
    private readonly ConcurrentDictionary<string, (string Path, long Size)> _files = new(StringComparer.Ordinal);
    private long _nextUpdateId;
    private long _nextMessageId;
    private int _downloads;
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

    /// <summary>Files the bot sent (<c>sendPhoto</c>, <c>sendVideo</c>, <c>sendDocument</c>), in order, as uploaded.</summary>
    public IReadOnlyList<PlatformUpload> Uploads => [.. _uploads];

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

    /// <summary>
    /// The user sends a photo (Telegram offers it in a small and the full size; the full one is
    /// <paramref name="bytes"/>), a video or a document, with a caption. The file is served by <c>getFile</c> and the
    /// file server as the Bot API does. <paramref name="statedSize"/> is the <c>file_size</c> the update and
    /// <c>getFile</c> state (default: the real size).
    /// </summary>
    public Task<HttpStatusCode> SendFileAsync(TelegramUser user, string kind, byte[] bytes, string? caption, string? fileName = null, long? statedSize = null)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        var size = statedSize ?? bytes.Length;
        var fileId = ServeFile($"{kind}-{id}", bytes, size);
        var message = new Dictionary<string, object?>
        {
            ["message_id"] = id, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["chat"] = new { id = user.Id, type = "private" }, ["from"] = From(user),
            ["caption"] = caption,
        };
        message[kind] = kind == "photo"
            ? new object[]
            {
                new { file_id = ServeFile($"thumb-{id}", bytes[..Math.Min(bytes.Length, 64)], 64), file_unique_id = $"t{id}", width = 90, height = 90, file_size = 64 },
                new { file_id = fileId, file_unique_id = $"u{id}", width = 1280, height = 960, file_size = size },
            }
            : new { file_id = fileId, file_unique_id = $"u{id}", file_name = fileName, file_size = size };
        return PushAsync(JsonSerializer.Serialize(new { update_id = id, message }));
    }

    /// <summary>How many times the bot fetched a file's bytes from the file server (not <c>getFile</c>).</summary>
    public int Downloads => _downloads;

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

    /// <summary>A file for <c>getFile</c> and the file server: its <c>file_id</c>.</summary>
    private string ServeFile(string fileId, byte[] bytes, long statedSize)
    {
        var path = $"documents/{fileId}.bin";
        _files[fileId] = (path, statedSize);
        Api.ServeFile($"/file/bot{BotToken}/{path}", bytes);
        Api.Watch(request =>
        {
            if (request.PathAndQuery == $"/file/bot{BotToken}/{path}")
            {
                Interlocked.Increment(ref _downloads);
            }
        });
        return fileId;
    }

    /// <summary>
    /// The Bot API's answers: <c>getFile</c> with the file's path and size; <c>sendPhoto</c>, <c>sendVideo</c>,
    /// <c>sendDocument</c> (recorded with their bytes) and <c>sendMessage</c> with <c>ok</c> and the sent message.
    /// </summary>
    private string Answer(RecordedRequest request)
    {
        if (request.PathAndQuery.Contains("/getFile?", StringComparison.Ordinal))
        {
            var fileId = Uri.UnescapeDataString(request.PathAndQuery[(request.PathAndQuery.IndexOf("file_id=", StringComparison.Ordinal) + "file_id=".Length)..]);
            return _files.TryGetValue(fileId, out var file)
                ? JsonSerializer.Serialize(new { ok = true, result = new { file_id = fileId, file_unique_id = fileId, file_size = file.Size, file_path = file.Path } })
                : """{"ok":false,"error_code":400,"description":"Bad Request: invalid file_id"}""";
        }
        if (MultipartForm.Read(request) is { } upload)
        {
            _uploads.Enqueue(upload);
        }
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
