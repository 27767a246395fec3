using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Switchboard.Wire;

namespace Switchboard.Tests.Infrastructure;

/// <summary>A real WebSocket client that reads frames in the background and lets a test wait for the next one it expects.</summary>
public sealed class TestSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _reading;

    private TestSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Frames read past while waiting for another one.</summary>
    public List<JsonElement> Skipped { get; } = [];

    private readonly Lock _historyGate = new();
    private readonly List<JsonElement> _history = [];
    private readonly List<(int From, Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Seen)> _watchers = [];

    /// <summary>Every frame received so far, in arrival order, whether or not a test waited for it.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_historyGate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>
    /// The first frame at or after position <paramref name="from"/> of <see cref="Received"/> that matches, whether
    /// it came already or comes later. Unlike <see cref="ExpectAsync(string, Func{JsonElement, bool}?)"/> it takes
    /// nothing from the queue, so frames may arrive in any order.
    /// </summary>
    public async Task<JsonElement> SeenAsync(Func<JsonElement, bool> match, string expected, TimeSpan within, int from = 0)
    {
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_historyGate)
        {
            for (var i = from; i < _history.Count; i++)
            {
                if (match(_history[i]))
                {
                    return _history[i];
                }
            }
            _watchers.Add((from, match, seen));
        }
        if (await Task.WhenAny(seen.Task, Task.Delay(within)) == seen.Task)
        {
            return await seen.Task;
        }
        throw new TimeoutException($"Expected {expected} within {within}; received: {string.Join(" ", Received.Select(f => f.GetRawText()))}");
    }

    public static async Task<TestSocket> ConnectAsync(Uri uri, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        using var timeout = new CancellationTokenSource(Waits.Signal);
        await socket.ConnectAsync(uri, timeout.Token);
        return new TestSocket(socket);
    }

    public Task SendAsync(object frame) => SendRawAsync(JsonSerializer.Serialize(frame));

    /// <summary>Sends a frame record as the gateway's own clients write it.</summary>
    public Task SendAsync<TFrame>(TFrame frame, JsonTypeInfo<TFrame> type) => SendBytesAsync(FrameWriter.ToBytes(frame, type), WebSocketMessageType.Text);

    public Task SendRawAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type)
    {
        // A WebSocket takes one send at a time; tests may send from several tasks.
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// The first frame of <paramref name="type"/> (that also matches <paramref name="match"/>), whether already read past or
    /// still to come: a push and an acknowledgement may arrive in either order. Others are kept in <see cref="Skipped"/>.
    /// </summary>
    public Task<JsonElement> ExpectAsync(string type, Func<JsonElement, bool>? match = null) =>
        ExpectAsync(frame => frame.GetProperty("type").GetString() == type && (match?.Invoke(frame) ?? true), $"a '{type}' frame", Waits.Signal);

    /// <summary>The first matching frame, read past already or still to come; others are kept in <see cref="Skipped"/>.</summary>
    public async Task<JsonElement> ExpectAsync(Func<JsonElement, bool> match, string expected, TimeSpan within)
    {
        var earlier = Skipped.FindIndex(f => match(f));
        if (earlier >= 0)
        {
            var found = Skipped[earlier];
            Skipped.RemoveAt(earlier);
            return found;
        }
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(timeout.Token);
                if (match(frame))
                {
                    return frame;
                }
                Skipped.Add(frame);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected} within {within}; read past: {string.Join(" ", Skipped.Select(f => f.GetRawText()))}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"Expected {expected}, but the socket closed; read past: {string.Join(" ", Skipped.Select(f => f.GetRawText()))}");
        }
    }

    /// <summary>The next frame, whatever it is.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        return await _frames.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>How the server closed the socket (null while it is open or when the connection just died).</summary>
    public (WebSocketCloseStatus? Status, string? Description) Close => (_socket.CloseStatus, _socket.CloseStatusDescription);

    /// <summary>Completes when the socket stops reading: closed by the server, or the connection died.</summary>
    public async Task WaitClosedAsync(TimeSpan within)
    {
        if (await Task.WhenAny(_reading, Task.Delay(within)) != _reading)
        {
            throw new TimeoutException($"The socket was expected to close within {within}.");
        }
    }

    /// <summary>True when the server closed the socket.</summary>
    public bool IsClosed => _socket.State is WebSocketState.Closed or WebSocketState.CloseReceived or WebSocketState.Aborted;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(Waits.Signal);
            }
        }
        catch (Exception error) when (error is WebSocketException or TimeoutException or OperationCanceledException)
        {
        }
        await _reading;
        _socket.Dispose();
    }

    private void Remember(JsonElement frame)
    {
        lock (_historyGate)
        {
            _history.Add(frame);
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                if (_history.Count - 1 >= _watchers[i].From && _watchers[i].Match(frame))
                {
                    _watchers[i].Seen.TrySetResult(frame);
                    _watchers.RemoveAt(i);
                }
            }
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the close as a browser does, so the server's side of the handshake completes.
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
                var frame = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
                Remember(frame);
                _frames.Writer.TryWrite(frame);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
