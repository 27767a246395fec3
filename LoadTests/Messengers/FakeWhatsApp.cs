using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTests.Messengers;

/// <summary>
/// WhatsApp's Cloud API, both sides: <c>POST /{version}/{phone number id}/messages</c> (<see cref="Api"/>) and Meta's
/// webhook pushing a person's messages signed <c>X-Hub-Signature-256: sha256=HMAC-SHA256(app secret, raw body)</c>.
/// </summary>
public sealed class FakeWhatsApp : IAsyncDisposable
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string PhoneNumberId = "100200300";

    private long _nextMessageId;
    private long _nextMediaId;
    private readonly System.Collections.Concurrent.ConcurrentQueue<PlatformUpload> _uploads = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Type, long Size)> _media = new(StringComparer.Ordinal);
    private string? _lastNotification;

    private FakeWhatsApp(FakePlatform api, HttpClient gateway, string site, string appSecret)
    {
        Api = api;
        Gateway = gateway;
        Site = site;
        AppSecret = appSecret;
        _nextMessageId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public FakePlatform Api { get; }
    public HttpClient Gateway { get; set; }
    public string Site { get; }
    public string AppSecret { get; }
    public string VerifyToken { get; } = "fake-verify-token";

    /// <summary>The body of <c>PUT /api/sites/{site}/channels/whatsapp</c> that points the business number at this fake.</summary>
    public object ChannelSettings => new
    {
        accessToken = AccessToken, appSecret = AppSecret, verifyToken = VerifyToken, phoneNumberId = PhoneNumberId, apiBaseUrl = Api.ApiBaseUrl, apiVersion = "v21.0",
    };

    public static async Task<FakeWhatsApp> StartAsync(HttpClient gateway, string site, string appSecret)
    {
        FakeWhatsApp? whatsApp = null;
        var api = await FakePlatform.StartAsync(request => whatsApp!.Answer(request));
        whatsApp = new FakeWhatsApp(api, gateway, site, appSecret);
        return whatsApp;
    }

    /// <summary>The person (<paramref name="waId"/>, their number) writes <paramref name="text"/>.</summary>
    public Task<HttpStatusCode> SendTextAsync(string waId, string name, string text) =>
        PushAsync(Notification(waId, name, new { from = waId, id = NextWamid(), timestamp = Now(), type = "text", text = new { body = text } }));

    /// <summary>The person taps a reply button.</summary>
    /// <summary>
    /// The customer sends an <c>image</c>, <c>video</c> or <c>document</c>: the notification names a media id, which the
    /// Graph API turns into a URL that serves <paramref name="bytes"/> only with the access token, as Meta's does.
    /// </summary>
    public Task<HttpStatusCode> SendMediaAsync(string waId, string name, string type, byte[] bytes, string mimeType, string? caption, string? fileName = null)
    {
        var mediaId = $"{Interlocked.Increment(ref _nextMediaId)}{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        _media[mediaId] = (mimeType, bytes.Length);
        Api.ServeFile($"/whatsapp-media/{mediaId}", bytes, "Bearer " + AccessToken);
        var media = new Dictionary<string, object?> { ["id"] = mediaId, ["mime_type"] = mimeType, ["sha256"] = Convert.ToBase64String(SHA256.HashData(bytes)), ["caption"] = caption };
        if (fileName is not null)
        {
            media["filename"] = fileName;
        }
        var message = new Dictionary<string, object?> { ["from"] = waId, ["id"] = NextWamid(), ["timestamp"] = Now(), ["type"] = type, [type] = media };
        return PushAsync(Notification(waId, name, message));
    }

    /// <summary>Files the business uploaded (<c>POST /{phone-number-id}/media</c>), in order, as received.</summary>
    public IReadOnlyList<PlatformUpload> Uploads => [.. _uploads];

    public const string AccessToken = "wa-fake-token";

    public Task<HttpStatusCode> TapAsync(string waId, string name, BotButton button) =>
        PushAsync(Notification(waId, name, new
        {
            from = waId, id = NextWamid(), timestamp = Now(), type = "interactive",
            interactive = new { type = "button_reply", button_reply = new { id = button.Data, title = button.Label } },
        }));

    public Task<HttpStatusCode> RedeliverLastAsync() => PushAsync(_lastNotification ?? throw new InvalidOperationException("Nothing was pushed yet."));

    /// <summary>Posts a notification signed with the app secret.</summary>
    public Task<HttpStatusCode> PushAsync(string notification)
    {
        _lastNotification = notification;
        return PostAsync(notification, Sign(AppSecret, notification));
    }

    /// <summary>Posts a notification with <paramref name="signature"/> as its header (null: none), as a forger would.</summary>
    public Task<HttpStatusCode> PushForgedAsync(string notification, string? signature) => PostAsync(notification, signature);

    /// <summary>The next send is refused with Meta's 131047: more than 24 hours since the person wrote.</summary>
    public void AnswerNextWindowClosed() =>
        Api.AnswerNext(400, """{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"fbtrace_id":"fake"}}""");

    /// <summary><c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the app secret.</summary>
    public static string Sign(string appSecret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(body)));

    /// <summary>A <c>messages</c> call read back (text, or interactive buttons' body); null for other calls.</summary>
    public static BotMessage? ReadMessage(RecordedRequest request)
    {
        if (!request.PathAndQuery.EndsWith("/messages", StringComparison.Ordinal))
        {
            return null;
        }
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var to = root.GetProperty("to").GetString() ?? "";
        var type = root.GetProperty("type").GetString();
        switch (type)
        {
            case "interactive":
                var interactive = root.GetProperty("interactive");
                var buttons = interactive.GetProperty("action").GetProperty("buttons").EnumerateArray()
                    .Select(b => b.GetProperty("reply")).Select(r => new BotButton(r.GetProperty("title").GetString() ?? "", r.GetProperty("id").GetString() ?? ""));
                return new BotMessage(to, interactive.GetProperty("body").GetProperty("text").GetString() ?? "", [.. buttons]);
            case "template":
                return new BotMessage(to, "[template " + root.GetProperty("template").GetProperty("name").GetString() + "]", []);
            case "image" or "video" or "document":
                return new BotMessage(to, $"[{type} {root.GetProperty(type).GetProperty("id").GetString()}]", []);
            default:
                return new BotMessage(to, root.GetProperty("text").GetProperty("body").GetString() ?? "", []);
        }
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private async Task<HttpStatusCode> PostAsync(string notification, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/whatsapp/{Site}") { Content = new StringContent(notification, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add(SignatureHeader, signature);
        }
        using var response = await Gateway.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The Cloud API's answer to a send: the recipient and the new message's <c>wamid</c>.</summary>
    private string Answer(RecordedRequest request)
    {
        var path = request.PathAndQuery;
        if (request.Method == "GET" && _media.TryGetValue(path[(path.LastIndexOf('/') + 1)..], out var media))
        {
            var id = path[(path.LastIndexOf('/') + 1)..];
            return request.Authorization == "Bearer " + AccessToken
                ? JsonSerializer.Serialize(new { messaging_product = "whatsapp", url = $"{Api.ApiBaseUrl}/whatsapp-media/{id}", mime_type = media.Type, file_size = media.Size, id })
                : """{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}""";
        }
        if (path.EndsWith("/media", StringComparison.Ordinal) && MultipartForm.Read(request) is { } upload)
        {
            _uploads.Enqueue(upload);
            return JsonSerializer.Serialize(new { id = $"up{Interlocked.Increment(ref _nextMediaId)}" });
        }
        var to = ReadMessage(request)?.ChatId ?? "";
        return JsonSerializer.Serialize(new { messaging_product = "whatsapp", contacts = new[] { new { input = to, wa_id = to } }, messages = new[] { new { id = NextWamid() } } });
    }

    private string NextWamid() => $"wamid.fake{Interlocked.Increment(ref _nextMessageId)}";

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Notification(string waId, string name, object message) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "fake-waba",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            metadata = new { display_phone_number = "15550000000", phone_number_id = PhoneNumberId },
                            contacts = new[] { new { wa_id = waId, profile = new { name } } },
                            messages = new[] { message },
                        },
                    },
                },
            },
        },
    });
}
