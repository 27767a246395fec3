using System.Net.WebSockets;
using System.Text;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Abuse;

/// <summary>
/// The two attacks of issue 15, from one address: an anonymous visitor sending page frames with long URLs as fast as it
/// can (reconnecting whenever the gateway closes it), and tokenless hellos at a fixed rate, each on a new socket.
/// </summary>
public static class Floods
{
    /// <summary>What a flood got out of the gateway.</summary>
    public sealed record Outcome(int Sent, int Welcomed, int Refused, int Closed, int Rejected, TimeSpan Took);

    public static async Task<Outcome> PagesAsync(Target target, string site, int frames, int urlLength, CancellationToken cancellationToken)
    {
        var (sent, refused, closed, rejected) = (0, 0, 0, 0);
        var url = "https://shop.example/catalog/" + new string('p', urlLength);
        var started = DateTime.UtcNow;
        while (sent < frames && !cancellationToken.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(target.WebSocket($"/ws/visitor?site={site}"), cancellationToken);
            }
            catch (WebSocketException)
            {
                // Refused (429): a real attacker would try again at once, and so does this one.
                rejected++;
                continue;
            }
            var reading = CountAsync(socket, cancellationToken);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"hello\"}"), WebSocketMessageType.Text, true, cancellationToken);
                while (sent < frames && socket.State == WebSocketState.Open)
                {
                    var frame = Encoding.UTF8.GetBytes($"{{\"type\":\"page\",\"url\":\"{url}/{sent}\",\"title\":\"Page {sent}\"}}");
                    await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
                    sent++;
                }
                if (socket.State == WebSocketState.Open)
                {
                    // All sent and the gateway still listens: say goodbye, so the read loop sees its answer and ends.
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                }
            }
            catch (WebSocketException)
            {
            }
            var (errors, closedBy) = await reading;
            refused += errors;
            closed += closedBy ? 1 : 0;
        }
        return new Outcome(sent, 0, refused, closed, rejected, DateTime.UtcNow - started);
    }

    /// <summary>
    /// <paramref name="perSecond"/> new sockets a second, each saying a tokenless hello, for <paramref name="duration"/>;
    /// at most <see cref="InFlight"/> at once, so the load generator's own memory holds (the rate it reached is reported).
    /// </summary>
    public static async Task<Outcome> HellosAsync(Target target, string site, int perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(InFlight);
        var (sent, refused, rejected) = (0, 0, 0);
        var welcomed = 0;
        var started = DateTime.UtcNow;
        var tasks = new List<Task>();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (DateTime.UtcNow - started < duration && await ticks.WaitForNextTickAsync(cancellationToken))
        {
            var due = (int)((DateTime.UtcNow - started).TotalSeconds * perSecond);
            for (; sent < due && inFlight.Wait(0, CancellationToken.None); sent++)
            {
                tasks.Add(OneAsync());
            }
        }
        await Task.WhenAll(tasks);
        return new Outcome(sent, welcomed, refused, 0, rejected, DateTime.UtcNow - started);

        async Task OneAsync()
        {
            using var release = new Release(inFlight);
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(target.WebSocket($"/ws/visitor?site={site}"), cancellationToken);
                await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"hello\"}"), WebSocketMessageType.Text, true, cancellationToken);
                var answer = new byte[8192];
                var result = await socket.ReceiveAsync(answer, cancellationToken);
                var text = Encoding.UTF8.GetString(answer, 0, result.Count);
                if (text.Contains("\"welcome\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref welcomed);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
                socket.Abort();
            }
            catch (WebSocketException)
            {
                Interlocked.Increment(ref rejected);
            }
        }
    }

    public const int InFlight = 500;

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    /// <summary>Reads until the socket ends: how many <c>rate_limited</c> answers came, and whether the gateway closed it with 1008.</summary>
    private static async Task<(int Refused, bool Closed)> CountAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var refused = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (refused, socket.CloseStatus == WebSocketCloseStatus.PolicyViolation);
                }
                if (Encoding.UTF8.GetString(buffer, 0, result.Count).Contains("rate_limited", StringComparison.Ordinal))
                {
                    refused++;
                }
            }
        }
        catch (WebSocketException)
        {
            return (refused, socket.CloseStatus == WebSocketCloseStatus.PolicyViolation);
        }
    }
}
