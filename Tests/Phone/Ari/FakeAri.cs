using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>
/// Asterisk as its ARI client sees it, on a real Kestrel port: the events WebSocket (<c>/ari/events?app&amp;api_key</c>)
/// carrying ARI's documented event JSON, and the REST the product drives calls with (channels: answer, play, moh,
/// DELETE, originate, list; bridges: create, addChannel, DELETE), each request recorded. A channel or bridge it does not have
/// is a 404, as on a real Asterisk. It can drop its socket and refuse connections for a while, as Asterisk restarting.
/// </summary>
public sealed class FakeAri : IAsyncDisposable
{
    public const string User = "switchboard";
    public const string Password = "ari-test-pass";
    public const string App = "switchboard";

    private readonly ConcurrentDictionary<string, FakeAriChannel> _channels = new();
    private readonly ConcurrentDictionary<string, bool> _bridges = new();
    private readonly List<AriRequest> _requests = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly SignalBoard _changed = new();
    private WebApplication _app = null!;
    private WebSocket? _socket;
    private TaskCompletionSource _socketClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _lastEvent;
    private int _connections;
    private int _refusedConnections;
    private int _nextChannel;
    private int _clock;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>While down, the events WebSocket is refused (503), as an Asterisk that is restarting.</summary>
    public bool Down { get; set; }

    /// <summary>Answers this status to every REST request whose path contains the key (e.g. <c>"/answer"</c> → 500).</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new();

    /// <summary>Whether a playback reports <c>PlaybackFinished</c> at once, as a short prompt would.</summary>
    public bool FinishPlaybacks { get; set; } = true;

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<FakeAri> StartAsync()
    {
        var ari = new FakeAri();
        (ari._app, ari.BaseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/ari/events", ari.EventsAsync);
            app.MapPost("/ari/channels", ari.Originate);
            app.MapGet("/ari/channels", ari.List);
            app.MapPost("/ari/channels/{id}/answer", (string id, HttpRequest r) => ari.OnChannel(r, id, () => Results.NoContent()));
            app.MapPost("/ari/channels/{id}/moh", (string id, HttpRequest r) => ari.OnChannel(r, id, () => Results.NoContent()));
            app.MapPost("/ari/channels/{id}/play", ari.Play);
            app.MapDelete("/ari/channels/{id}", ari.HangupByProduct);
            app.MapPost("/ari/bridges", ari.CreateBridge);
            app.MapPost("/ari/bridges/{id}/addChannel", ari.AddChannel);
            app.MapDelete("/ari/bridges/{id}", ari.DestroyBridge);
        });
        return ari;
    }

    /// <summary>A caller dials in and the dialplan's <c>Stasis(switchboard)</c> hands the channel over; its id.</summary>
    public async Task<string> CallInAsync(string number, string exten = "100")
    {
        var id = $"1733300000.{Interlocked.Increment(ref _nextChannel)}";
        var channel = _channels[id] = new FakeAriChannel(id, number, exten, Now());
        await SendAsync(new { type = "StasisStart", timestamp = Now(), args = Array.Empty<string>(), channel = channel.Json(App), application = App });
        return id;
    }

    /// <summary>An originated channel (an operator's leg, a call back) is answered and enters the app.</summary>
    public Task PickUpAsync(string id) =>
        _channels.TryGetValue(id, out var channel)
            ? SendAsync(new { type = "StasisStart", timestamp = Now(), args = Array.Empty<string>(), channel = channel.Json(App), application = App })
            : throw new InvalidOperationException($"The fake ARI has no channel {id} to pick up.");

    public Task PressAsync(string id, string digit) =>
        SendAsync(new { type = "ChannelDtmfReceived", timestamp = Now(), digit, duration_ms = 120, channel = ChannelJson(id), application = App });

    /// <summary>The far end hangs up: <c>ChannelHangupRequest</c> then <c>StasisEnd</c>, and the channel is gone.</summary>
    public async Task HangUpAsync(string id, int cause = 16)
    {
        var json = ChannelJson(id);
        _channels.TryRemove(id, out _);
        await SendAsync(new { type = "ChannelHangupRequest", timestamp = Now(), cause, channel = json, application = App });
        await SendAsync(new { type = "StasisEnd", timestamp = Now(), channel = json, application = App });
    }

    /// <summary>Hangs up without a word on the socket: as a caller leaving while Asterisk's events were away.</summary>
    public void Forget(string id) => _channels.TryRemove(id, out _);

    /// <summary>Sends the last event again, word for word, as a replay after a reconnect.</summary>
    public Task ReplayLastAsync() => SendRawAsync(_lastEvent ?? throw new InvalidOperationException("No event was sent yet."));

    /// <summary>Drops the events socket without a close handshake, as a crashing Asterisk does.</summary>
    public async Task DropAsync()
    {
        var closed = _socketClosed.Task;
        _socket?.Abort();
        await closed.WaitAsync(Waits.Signal);
    }

    public Task WaitForConnectionsAsync(int count) => WaitUntilAsync(() => Connections >= count, $"{count} events connections");

    /// <summary>Waits until a connection was refused while <see cref="Down"/>: the client is then pausing before its next try.</summary>
    public Task WaitForRefusalsAsync(int count) => WaitUntilAsync(() => Volatile.Read(ref _refusedConnections) >= count, $"{count} refused connections");

    /// <summary>Every REST request so far, oldest first.</summary>
    public IReadOnlyList<AriRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The first request from position <paramref name="from"/> on that matches, once it has arrived.</summary>
    public async Task<AriRequest> WaitForAsync(Func<AriRequest, bool> match, int from = 0, string? what = null)
    {
        AriRequest? found = null;
        await WaitUntilAsync(() => (found = Requests.Skip(from).FirstOrDefault(match)) is not null, what ?? "a matching ARI request");
        return found!;
    }

    /// <summary>The first <paramref name="count"/> requests from position <paramref name="from"/> on that match, once they have arrived.</summary>
    public async Task<AriRequest[]> WaitForManyAsync(Func<AriRequest, bool> match, int count, int from, string what)
    {
        await WaitUntilAsync(() => Requests.Skip(from).Count(match) >= count, $"{count} × {what}");
        return Requests.Skip(from).Where(match).Take(count).ToArray();
    }

    /// <summary>A text message on the events socket that is whatever the test says, not necessarily an event.</summary>
    public Task SendTextAsync(string text) => SendRawAsync(text);

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await _app.DisposeAsync();
    }

    private async Task EventsAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest || http.Request.Query["app"] != App || http.Request.Query["api_key"] != $"{User}:{Password}")
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (Down)
        {
            Interlocked.Increment(ref _refusedConnections);
            _changed.Pulse();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var closed = _socketClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _socket = socket;
        Interlocked.Increment(ref _connections);
        _changed.Pulse();
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, http.RequestAborted)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            closed.TrySetResult();
        }
    }

    private IResult Originate(HttpRequest request)
    {
        Record(request);
        if (Refused(request) is { } refused)
        {
            return refused;
        }
        var id = request.Query["channelId"].FirstOrDefault() ?? $"1733300000.{Interlocked.Increment(ref _nextChannel)}";
        var endpoint = request.Query["endpoint"].FirstOrDefault() ?? "";
        var channel = _channels[id] = new FakeAriChannel(id, endpoint.Split('/').Last(), "s", Now());
        return Results.Json(channel.Json(null));
    }

    private IResult List(HttpRequest request)
    {
        Record(request);
        return Refused(request) ?? Results.Json(_channels.Values.Select(c => c.Json(App)));
    }

    private IResult Play(string id, HttpRequest request) => OnChannel(request, id, () =>
    {
        var playback = new { id = request.Query["playbackId"].FirstOrDefault() ?? Guid.NewGuid().ToString("N"), media_uri = request.Query["media"].FirstOrDefault(), target_uri = $"channel:{id}", language = "en", state = "queued" };
        if (FinishPlaybacks)
        {
            _ = Task.Run(() => SendAsync(new { type = "PlaybackFinished", timestamp = Now(), playback = playback with { state = "done" }, application = App }));
        }
        return Results.Json(playback, statusCode: StatusCodes.Status201Created);
    });

    private IResult HangupByProduct(string id, HttpRequest request) => OnChannel(request, id, () =>
    {
        _ = Task.Run(() => HangUpAsync(id));
        return Results.NoContent();
    });

    private IResult CreateBridge(HttpRequest request)
    {
        Record(request);
        var id = request.Query["bridgeId"].FirstOrDefault() ?? Guid.NewGuid().ToString("N");
        _bridges[id] = true;
        return Refused(request) ?? Results.Json(new { id, technology = "simple_bridge", bridge_type = "mixing", channels = Array.Empty<string>() });
    }

    private IResult DestroyBridge(string id, HttpRequest request)
    {
        Record(request);
        return Refused(request) ?? (_bridges.TryRemove(id, out _) ? Results.NoContent() : NotFound("Bridge not found"));
    }

    private IResult AddChannel(string id, HttpRequest request)
    {
        Record(request);
        var channel = request.Query["channel"].FirstOrDefault() ?? "";
        return Refused(request)
            ?? (!_bridges.ContainsKey(id) ? NotFound("Bridge not found")
            : !_channels.ContainsKey(channel) ? Results.Json(new { message = "Channel not found" }, statusCode: StatusCodes.Status400BadRequest)
            : Results.NoContent());
    }

    private IResult OnChannel(HttpRequest request, string id, Func<IResult> ok)
    {
        Record(request);
        return Refused(request) ?? (_channels.ContainsKey(id) ? ok() : NotFound("Channel not found"));
    }

    private IResult? Refused(HttpRequest request)
    {
        if (request.Headers.Authorization.FirstOrDefault() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")))
        {
            return Results.Json(new { message = "Authentication required" }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var failure = Failures.FirstOrDefault(f => request.Path.Value!.Contains(f.Key, StringComparison.Ordinal));
        return failure.Key is null ? null : Results.Json(new { message = "Internal Server Error" }, statusCode: failure.Value);
    }

    private static IResult NotFound(string message) => Results.Json(new { message }, statusCode: StatusCodes.Status404NotFound);

    private void Record(HttpRequest request)
    {
        lock (_requests)
        {
            _requests.Add(new AriRequest(request.Method, request.Path.Value!, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())));
        }
        _changed.Pulse();
    }

    private object ChannelJson(string id) => _channels.TryGetValue(id, out var channel) ? channel.Json(App) : new FakeAriChannel(id, "", "", Now()).Json(App);

    private Task SendAsync(object evt) => SendRawAsync(JsonSerializer.Serialize(evt));

    private async Task SendRawAsync(string json)
    {
        await _sending.WaitAsync();
        try
        {
            _lastEvent = json;
            if (_socket is { State: WebSocketState.Open } socket)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>ARI's time format, one millisecond later each time, so no two events of a channel share a timestamp.</summary>
    private string Now() => new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(Interlocked.Increment(ref _clock))
        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "+0000";

    private async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            var changed = _changed.Current;
            if (done())
            {
                return;
            }
            var remaining = deadline - DateTime.UtcNow;
            Assert.True(remaining > TimeSpan.Zero, $"Expected {what} at the fake ARI within {Waits.Signal}; requests: {string.Join(", ", Requests)}");
            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }
}
