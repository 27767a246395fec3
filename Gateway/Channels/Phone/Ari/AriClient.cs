using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// ARI's REST for one site's Asterisk: the few requests the product drives calls with. Every way a request can fail is
/// an <see cref="AriException"/> naming the request, so a caller's turn is logged and skipped, never a crash.
/// </summary>
public sealed class AriClient(HttpClient http, AriSite site)
{
    /// <summary>ARI answers on the same machine's HTTP server; anything slower than this is an Asterisk in trouble.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public AriSite Site => site;

    /// <summary>The events WebSocket, <c>/ari/events?app=…&amp;api_key=user:password</c>.</summary>
    public Uri EventsUri()
    {
        var events = new UriBuilder(new Uri(site.BaseUrl, "ari/events"))
        {
            Scheme = site.BaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = $"app={Uri.EscapeDataString(site.App)}&api_key={Uri.EscapeDataString($"{site.User}:{site.Password}")}",
        };
        return events.Uri;
    }

    public Task AnswerAsync(string channel, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"channels/{Escape(channel)}/answer", cancellationToken);

    public Task PlayAsync(string channel, string media, string playbackId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"channels/{Escape(channel)}/play?media={Escape(media)}&playbackId={Escape(playbackId)}", cancellationToken);

    /// <summary>Music on hold: what a caller waiting for an operator hears.</summary>
    public Task HoldAsync(string channel, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"channels/{Escape(channel)}/moh", cancellationToken);

    public Task StopHoldAsync(string channel, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"channels/{Escape(channel)}/moh", cancellationToken);

    /// <summary>Records everything the bridge mixes (the caller and the operator) until the bridge is destroyed, as <paramref name="name"/>.wav.</summary>
    public Task RecordBridgeAsync(string bridgeId, string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"bridges/{Escape(bridgeId)}/record?name={Escape(name)}&format=wav&ifExists=overwrite", cancellationToken);

    public Task HangupAsync(string channel, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"channels/{Escape(channel)}", cancellationToken);

    public Task CreateBridgeAsync(string bridgeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"bridges?type=mixing&bridgeId={Escape(bridgeId)}", cancellationToken);

    public Task AddToBridgeAsync(string bridgeId, string channel, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"bridges/{Escape(bridgeId)}/addChannel?channel={Escape(channel)}", cancellationToken);

    public Task RemoveFromBridgeAsync(string bridgeId, string channel, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"bridges/{Escape(bridgeId)}/removeChannel?channel={Escape(channel)}", cancellationToken);

    public Task DestroyBridgeAsync(string bridgeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"bridges/{Escape(bridgeId)}", cancellationToken);

    /// <summary>A new channel to <paramref name="endpoint"/>, in this site's Stasis app once answered, with the id we choose.</summary>
    public Task OriginateAsync(string endpoint, string channelId, string? callerId, int timeoutSeconds, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post,
            $"channels?endpoint={Escape(endpoint)}&app={Escape(site.App)}&channelId={Escape(channelId)}&timeout={timeoutSeconds}"
            + (callerId is null ? "" : $"&callerId={Escape(callerId)}"),
            cancellationToken);

    /// <summary>The channels Asterisk has now (<c>GET /ari/channels</c>), to reconcile calls after the events socket was away.</summary>
    public async Task<IReadOnlyList<AriChannel>> ListChannelsAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, "channels", cancellationToken);
        try
        {
            using var list = JsonDocument.Parse(body);
            return list.RootElement.ValueKind == JsonValueKind.Array
                ? list.RootElement.EnumerateArray().Select(AriChannel.From).OfType<AriChannel>().ToList()
                : throw new AriException("GET /ari/channels did not answer a list.");
        }
        catch (JsonException)
        {
            throw new AriException("GET /ari/channels did not answer JSON.");
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string pathAndQuery, CancellationToken cancellationToken)
    {
        var what = $"{method} /ari/{pathAndQuery.Split('?')[0]}";
        using var request = new HttpRequestMessage(method, new Uri(site.BaseUrl, "ari/" + pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{site.User}:{site.Password}")));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode
                ? body
                : throw new AriException($"ARI answered {(int)response.StatusCode} to {what}: {Message(body)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AriException($"ARI did not answer {what} within {RequestTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException error)
        {
            throw new AriException($"ARI could not be reached for {what}: {error.Message}");
        }
    }

    /// <summary>ARI's error bodies are <c>{"message":"…"}</c>; anything else is shown as it came, cut short.</summary>
    private static string Message(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? "" : body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
