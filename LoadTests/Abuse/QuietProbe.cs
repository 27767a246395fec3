using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTests.Abuse;

/// <summary>
/// One well-behaved client, measuring its round trips at a steady pace: on the gateway a visitor's chat message and its
/// <c>ack</c>, on the echo server a frame and its echo. Its p99 is what the limits must protect from a flood.
/// </summary>
public sealed class QuietProbe(ClientWebSocket socket, Func<int, byte[]> frame, Func<JsonElement, int, bool> isAnswer) : IAsyncDisposable
{
    /// <summary>Under the visitor's own message rate (240 a minute): the probe itself is never limited.</summary>
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(300);

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _next;

    /// <summary>Round trips at <see cref="Pace"/> for <paramref name="duration"/>; their latencies in milliseconds.</summary>
    public async Task<List<double>> MeasureAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
        {
            var n = _next++;
            var started = Stopwatch.GetTimestamp();
            await socket.SendAsync(frame(n), WebSocketMessageType.Text, true, cancellationToken);
            while (!isAnswer(await ReceiveAsync(cancellationToken), n))
            {
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(Pace, cancellationToken);
        }
        return latencies;
    }

    public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        return length == 0 || _buffer[0] != (byte)'{' ? default : JsonDocument.Parse(_buffer.AsMemory(0, length)).RootElement.Clone();
    }

    public static byte[] Json(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        socket.Dispose();
        await Task.CompletedTask;
    }
}
