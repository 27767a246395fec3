using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTests.Messengers;

/// <summary>
/// VK, both sides: the API's <c>messages.send</c> (<see cref="Api"/>), which honours <c>random_id</c> as VK does — a
/// second send with the same one within the hour is not shown again and answers the first one's message id — and the
/// Callback API pushing <c>message_new</c> events with the community's <c>secret</c> in the body.
/// </summary>
public sealed class FakeVk : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _messageIdByRandomId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<BotMessage> _shown = new();
    private long _nextEventId;
    private long _nextMessageId;
    private long _nextFileId;
    private readonly ConcurrentQueue<PlatformUpload> _uploads = new();
    private readonly ConcurrentDictionary<string, PlatformUpload> _saved = new(StringComparer.Ordinal);
    private string? _lastEvent;

    private FakeVk(FakePlatform api, HttpClient gateway, string site, long groupId, string secret)
    {
        Api = api;
        Gateway = gateway;
        Site = site;
        GroupId = groupId;
        Secret = secret;
        _nextEventId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    public FakePlatform Api { get; }
    public HttpClient Gateway { get; set; }
    public string Site { get; }
    public long GroupId { get; }
    public string Secret { get; }
    public string Confirmation { get; } = "c0nf1rm";

    /// <summary>Messages the person was shown: one per <c>random_id</c>, however often it was sent.</summary>
    public IReadOnlyList<BotMessage> Shown => [.. _shown];

    /// <summary>The body of <c>PUT /api/sites/{site}/channels/vk</c> that points the community at this fake.</summary>
    public object ChannelSettings => new { accessToken = "vk-fake-token", secret = Secret, confirmation = Confirmation, groupId = GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), apiBaseUrl = Api.ApiBaseUrl };

    public static async Task<FakeVk> StartAsync(HttpClient gateway, string site, long groupId, string secret)
    {
        FakeVk? vk = null;
        var api = await FakePlatform.StartAsync(request => vk!.Answer(request));
        vk = new FakeVk(api, gateway, site, groupId, secret);
        // Taken when it arrives, before any answer: a sender that dies waiting still had its message shown.
        api.Watch(vk.Take);
        return vk;
    }

    /// <summary>The person writes <paramref name="text"/> to the community.</summary>
    public Task<HttpStatusCode> SendTextAsync(long userId, string text, string? payload = null) => PushAsync(MessageNew(userId, text, payload));

    /// <summary>The person taps a keyboard button: VK sends its label as the text and its payload.</summary>
    public Task<HttpStatusCode> TapAsync(long userId, BotButton button) => PushAsync(MessageNew(userId, button.Label, button.Data));

    public Task<HttpStatusCode> RedeliverLastAsync() => PushAsync(_lastEvent ?? throw new InvalidOperationException("Nothing was pushed yet."));

    /// <summary>Posts a Callback API event (its <c>secret</c> already in it).</summary>
    public async Task<HttpStatusCode> PushAsync(string callback)
    {
        _lastEvent = callback;
        using var response = await Gateway.PostAsync($"/hooks/vk/{Site}", new StringContent(callback, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    /// <summary>
    /// The person sends a photo (VK lists its sizes; the largest serves <paramref name="bytes"/>), a document
    /// (<c>doc</c> with its title and size) or a video (VK's event names it by id with an access key and cover
    /// pictures; <c>video.get</c> lists its MP4 renditions, the 720p one serving <paramref name="bytes"/>), with
    /// <paramref name="text"/>.
    /// </summary>
    public Task<HttpStatusCode> SendFileAsync(long userId, string type, byte[] bytes, string text, string? title = null)
    {
        var id = Interlocked.Increment(ref _nextFileId);
        Api.ServeFile($"/vk-files/{id}.bin", bytes);
        Api.ServeFile($"/vk-files/{id}-small.bin", bytes[..Math.Min(bytes.Length, 64)]);
        object attachment = type == "photo"
            ? new
            {
                type, photo = new
                {
                    id, owner_id = userId, sizes = new[]
                    {
                        new { type = "s", url = $"{Api.ApiBaseUrl}/vk-files/{id}-small.bin", width = 75, height = 56 },
                        new { type = "w", url = $"{Api.ApiBaseUrl}/vk-files/{id}.bin", width = 1280, height = 960 },
                    },
                },
            }
            : type == "video"
            ? new
            {
                type, video = new
                {
                    id, owner_id = userId, title, duration = 3, access_key = $"vk{id}",
                    image = new[] { new { url = $"{Api.ApiBaseUrl}/vk-files/{id}-small.bin", width = 130, height = 96 } },
                },
            }
            : new { type, doc = new { id, owner_id = userId, title, size = bytes.Length, ext = Path.GetExtension(title ?? "").TrimStart('.'), url = $"{Api.ApiBaseUrl}/vk-files/{id}.bin" } };
        return PushAsync(MessageNew(userId, text, attachments: [attachment]));
    }

    /// <summary>Files the community uploaded to the upload servers, in order, as received.</summary>
    public IReadOnlyList<PlatformUpload> Uploads => [.. _uploads];

    /// <summary>The upload a <c>messages.send</c>'s <c>attachment</c> (<c>photo-1_5_key</c>, <c>doc-1_6</c>) names, as saved.</summary>
    public PlatformUpload? Attached(RecordedRequest send) =>
        Form(send.Body).GetValueOrDefault("attachment") is { } attachment && _saved.TryGetValue(attachment, out var upload) ? upload : null;

    /// <summary>A <c>message_new</c> event with the secret; <paramref name="secret"/> overrides it to forge one.</summary>
    public string MessageNew(long userId, string text, string? payload = null, string? secret = null, object[]? attachments = null)
    {
        var id = Interlocked.Increment(ref _nextEventId);
        return JsonSerializer.Serialize(new
        {
            type = "message_new",
            event_id = id.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            v = "5.199",
            @object = new { message = new { id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), from_id = userId, peer_id = userId, @out = 0, text, payload, attachments = attachments ?? [] } },
            group_id = GroupId,
            secret = secret ?? Secret,
        });
    }

    /// <summary>The next <c>messages.send</c> is answered with VK's error 901: the person has not allowed the community to write.</summary>
    public void AnswerNextNotAllowed() =>
        Api.AnswerNext(200, """{"error":{"error_code":901,"error_msg":"Can't send messages for users without permission","request_params":[]}}""");

    /// <summary>A <c>messages.send</c> call read back; null for other methods.</summary>
    public static BotMessage? ReadMessage(RecordedRequest request)
    {
        if (!request.PathAndQuery.StartsWith("/method/messages.send", StringComparison.Ordinal))
        {
            return null;
        }
        var form = Form(request.Body);
        var buttons = new List<BotButton>();
        if (form.GetValueOrDefault("keyboard") is { } keyboard)
        {
            using var json = JsonDocument.Parse(keyboard);
            buttons.AddRange(json.RootElement.GetProperty("buttons").EnumerateArray().SelectMany(row => row.EnumerateArray())
                .Select(b => b.GetProperty("action")).Select(a => new BotButton(a.GetProperty("label").GetString() ?? "", a.GetProperty("payload").GetString() ?? "")));
        }
        return new BotMessage(form.GetValueOrDefault("user_id") ?? "", form.GetValueOrDefault("message") ?? "", buttons);
    }

    /// <summary>The <c>random_id</c> of a <c>messages.send</c> call.</summary>
    public static string? RandomId(RecordedRequest request) => Form(request.Body).GetValueOrDefault("random_id");

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private void Take(RecordedRequest request)
    {
        if (ReadMessage(request) is { } message && RandomId(request) is { } randomId
            && _messageIdByRandomId.TryAdd(randomId, Interlocked.Increment(ref _nextMessageId)))
        {
            _shown.Enqueue(message);
        }
    }

    /// <summary>
    /// VK's answers: the upload flow for photos (<c>photos.getMessagesUploadServer</c>, the upload server,
    /// <c>photos.saveMessagesPhoto</c>) and documents (<c>docs.getMessagesUploadServer</c>, the upload server,
    /// <c>docs.save</c>), and <c>messages.send</c> by its <c>random_id</c>.
    /// </summary>
    private string Answer(RecordedRequest request)
    {
        var path = request.PathAndQuery;
        var owner = -GroupId;
        if (path.StartsWith("/method/photos.getMessagesUploadServer", StringComparison.Ordinal))
        {
            return JsonSerializer.Serialize(new { response = new { upload_url = $"{Api.ApiBaseUrl}/vk-upload/photo", album_id = -3, group_id = GroupId } });
        }
        if (path.StartsWith("/method/docs.getMessagesUploadServer", StringComparison.Ordinal))
        {
            return JsonSerializer.Serialize(new { response = new { upload_url = $"{Api.ApiBaseUrl}/vk-upload/doc" } });
        }
        if (path.StartsWith("/vk-upload/", StringComparison.Ordinal))
        {
            var upload = MultipartForm.Read(request);
            if (upload is null)
            {
                return """{"error":"no file"}""";
            }
            _uploads.Enqueue(upload);
            var token = $"u{Interlocked.Increment(ref _nextFileId)}";
            _saved[token] = upload;
            return path.EndsWith("/photo", StringComparison.Ordinal)
                ? JsonSerializer.Serialize(new { server = 1, photo = token, hash = "h" + token })
                : JsonSerializer.Serialize(new { file = token });
        }
        if (path.StartsWith("/method/video.get", StringComparison.Ordinal))
        {
            return Video(Form(request.Body).GetValueOrDefault("videos") ?? "");
        }
        if (path.StartsWith("/method/photos.saveMessagesPhoto", StringComparison.Ordinal) || path.StartsWith("/method/docs.save", StringComparison.Ordinal))
        {
            var form = Form(request.Body);
            var token = form.GetValueOrDefault("photo") ?? form.GetValueOrDefault("file") ?? "";
            if (!_saved.TryGetValue(token, out var upload))
            {
                return """{"error":{"error_code":100,"error_msg":"One of the parameters specified was missing or invalid: file","request_params":[]}}""";
            }
            var id = Interlocked.Increment(ref _nextFileId);
            if (form.ContainsKey("photo"))
            {
                _saved[$"photo{owner}_{id}_k{id}"] = upload;
                return JsonSerializer.Serialize(new { response = new[] { new { id, owner_id = owner, access_key = $"k{id}" } } });
            }
            _saved[$"doc{owner}_{id}"] = upload;
            return JsonSerializer.Serialize(new { response = new { type = "doc", doc = new { id, owner_id = owner, title = form.GetValueOrDefault("title") } } });
        }
        return RandomId(request) is { } randomId && _messageIdByRandomId.TryGetValue(randomId, out var sent)
            ? $$"""{"response":{{sent}}}"""
            : """{"error":{"error_code":100,"error_msg":"One of the parameters specified was missing or invalid: random_id is undefined","request_params":[]}}""";
    }

    /// <summary>
    /// <c>video.get</c> for <c>{owner_id}_{id}_{access_key}</c>: the renditions VK keeps (the small one is the cover's
    /// bytes, so a client that picks it fetches the wrong file). Without the access key VK does not show the video.
    /// </summary>
    private string Video(string videos)
    {
        var parts = videos.Split('_');
        if (parts.Length != 3 || !long.TryParse(parts[1], out var id) || parts[2] != $"vk{id}")
        {
            return JsonSerializer.Serialize(new { response = new { count = 0, items = Array.Empty<object>() } });
        }
        var files = new Dictionary<string, string>
        {
            ["mp4_240"] = $"{Api.ApiBaseUrl}/vk-files/{id}-small.bin",
            ["mp4_720"] = $"{Api.ApiBaseUrl}/vk-files/{id}.bin",
        };
        return JsonSerializer.Serialize(new { response = new { count = 1, items = new[] { new { id, owner_id = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), files } } } });
    }

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
}
