using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>
/// The fake Asterisk's events WebSocket (<c>/ari/events?app&amp;api_key</c>): one client at a time, events sent one at a
/// time; it can be dropped without a close handshake and refuse connections while <see cref="Down"/>.
/// </summary>
public sealed class FakeAriEventSocket(FakeAriRequests seen)
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private WebSocket? _socket;
    private TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _lastEvent;
    private int _connections;
    private int _refused;

    /// <summary>While down, the events WebSocket is refused (503), as an Asterisk that is restarting.</summary>
    public bool Down { get; set; }

    public int Connections => Volatile.Read(ref _connections);
    public int Refused => Volatile.Read(ref _refused);

    public async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest || http.Request.Query["app"] != FakeAri.App || http.Request.Query["api_key"] != $"{FakeAri.User}:{FakeAri.Password}")
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (Down)
        {
            Interlocked.Increment(ref _refused);
            seen.Changed();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var closed = _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _socket = socket;
        Interlocked.Increment(ref _connections);
        seen.Changed();
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

    public Task SendAsync(object evt) => SendRawAsync(JsonSerializer.Serialize(evt));

    /// <summary>Sends the last event again, word for word, as a replay after a reconnect.</summary>
    public Task ReplayLastAsync() => SendRawAsync(_lastEvent ?? throw new InvalidOperationException("No event was sent yet."));

    public async Task SendRawAsync(string json)
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

    /// <summary>Drops the socket without a close handshake, as a crashing Asterisk does.</summary>
    public async Task DropAsync()
    {
        var closed = _closed.Task;
        _socket?.Abort();
        await closed.WaitAsync(Waits.Signal);
    }

    public void Abort() => _socket?.Abort();
}
