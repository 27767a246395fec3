using System.Buffers;
using System.Net.WebSockets;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// A client WebSocket speaking JSON text frames: a read loop parses each frame, completes whoever expected it,
/// then hands it to the socket's handler. Expectations are registered before the frame that causes the answer
/// is sent, so a fast answer is never missed.
/// </summary>
public sealed class WireSocket : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<Expectation> _expected = [];
    private readonly Task _reading;
    private Action<WireFrame>? _handler;

    private WireSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadAsync);
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <param name="bearer">An operator's token, sent in the handshake's header (a client that can set headers needs no ticket).</param>
    public static async Task<WireSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken, string? bearer = null)
    {
        var socket = new ClientWebSocket();
        // Browsers send no pings; the server's own keep-alive is enough.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (bearer is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new WireSocket(socket);
    }

    /// <summary>Frames nobody expected (pushes) go here.</summary>
    public void OnFrame(Action<WireFrame> handler) => _handler = handler;

    /// <summary>The next frame matching <paramref name="match"/>, from now on; fails after <paramref name="timeout"/> saying it expected <paramref name="what"/>.</summary>
    public Task<WireFrame> Expect(string what, Func<WireFrame, bool> match, TimeSpan? timeout = null)
    {
        var expectation = new Expectation(what, match, timeout ?? DefaultTimeout, this);
        lock (_expected)
        {
            _expected.Add(expectation);
        }
        return expectation.Task;
    }

    public async Task SendAsync(byte[] frame)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends <paramref name="frame"/> and waits for its answer; an <c>error</c> answer fails.</summary>
    public async Task<WireFrame> RequestAsync(byte[] frame, string what, Func<WireFrame, bool> answer, TimeSpan? timeout = null)
    {
        var reply = Expect(what, answer, timeout);
        await SendAsync(frame);
        var result = await reply;
        return result.IsError ? throw new WireErrorException(result) : result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        _socket.Abort();
        await _reading;
        _socket.Dispose();
    }

    private void Forget(Expectation expectation)
    {
        lock (_expected)
        {
            _expected.Remove(expectation);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[2048];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                if (result.EndOfMessage && message.WrittenCount == 0)
                {
                    Dispatch(buffer.AsSpan(0, result.Count));
                    continue;
                }
                message.Write(buffer.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    Dispatch(message.WrittenSpan);
                    message = new ArrayBufferWriter<byte>();
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            FailAll("the socket closed");
        }
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        WireFrame frame;
        try
        {
            frame = WireFrame.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            frame = new WireFrame("(not json)", null, null, null, null, null, false);
        }
        Expectation? matched = null;
        lock (_expected)
        {
            var index = _expected.FindIndex(e => e.Matches(frame));
            if (index >= 0)
            {
                matched = _expected[index];
                _expected.RemoveAt(index);
            }
        }
        matched?.Complete(frame);
        _handler?.Invoke(frame);
    }

    private void FailAll(string reason)
    {
        List<Expectation> pending;
        lock (_expected)
        {
            pending = [.. _expected];
            _expected.Clear();
        }
        foreach (var expectation in pending)
        {
            expectation.Fail(reason);
        }
    }

    private sealed class Expectation
    {
        private readonly TaskCompletionSource<WireFrame> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly string _what;
        private readonly Func<WireFrame, bool> _match;
        private readonly CancellationTokenSource _timeout;

        public Expectation(string what, Func<WireFrame, bool> match, TimeSpan timeout, WireSocket socket)
        {
            _what = what;
            _match = match;
            _timeout = new CancellationTokenSource(timeout);
            _timeout.Token.Register(() =>
            {
                socket.Forget(this);
                _result.TrySetException(new TimeoutException($"no {what} within {timeout.TotalSeconds:0.#}s"));
            });
        }

        public Task<WireFrame> Task => _result.Task;

        public bool Matches(WireFrame frame) => _match(frame);

        public void Complete(WireFrame frame)
        {
            _result.TrySetResult(frame);
            _timeout.Dispose();
        }

        public void Fail(string reason)
        {
            _result.TrySetException(new IOException($"no {_what}: {reason}"));
            _timeout.Dispose();
        }
    }
}
