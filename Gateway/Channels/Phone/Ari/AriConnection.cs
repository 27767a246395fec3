using System.Net.WebSockets;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// One site's events WebSocket to Asterisk, kept open: when it drops (an Asterisk restart, a network blip) it is opened
/// again at once, then with a growing pause, and the calls are reconciled with <c>GET /ari/channels</c>. Calls in
/// progress lose nothing: their state is in their grains, their channel ids in <see cref="AriCalls"/>.
/// </summary>
public sealed class AriConnection(AriClient ari, AriCallFlow flow, TimeProvider clock, ILogger logger)
{
    /// <summary>The longest pause between tries, so a restarted Asterisk is found again within it.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);

    private const int MessageBufferBytes = 16 * 1024;

    public async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(ari.EventsUri(), stop);
                failures = 0;
                logger.LogInformation("ARI events of site {Site} connected (app {App})", ari.Site.Site, ari.Site.App);
                // Listening before listing: an event during the listing is then seen twice at worst, and recognised.
                // Events are held until the listing has taken its calls up, so none finds its call missing.
                flow.HoldEvents();
                var reading = ReadAsync(socket, stop);
                await ReconcileAsync(stop);
                await reading;
                logger.LogWarning("ARI events socket of site {Site} was closed by Asterisk; connecting again", ari.Site.Site);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // Whatever went wrong (Asterisk away, refused credentials, a malformed URL), the site keeps trying:
                // a phone line that gives up after one failure is worse than a log line every 30 seconds.
                var pause = Pause(failures++);
                logger.LogWarning("ARI events of site {Site} not reachable ({Problem}); trying again in {Pause} s",
                    ari.Site.Site, failure.Message, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Nothing after a good connection dropped; then 1 s, 2 s, 4 s … up to <see cref="MaxPause"/>.</summary>
    public static TimeSpan Pause(int failures) =>
        failures == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxPause.Ticks, FirstPause.Ticks << Math.Min(failures - 1, 16)));

    private async Task ReconcileAsync(CancellationToken stop)
    {
        try
        {
            await flow.ReconcileAsync(stop);
        }
        catch (AriException failure)
        {
            logger.LogWarning("Calls of site {Site} not reconciled with Asterisk's channels: {Problem}", ari.Site.Site, failure.Message);
        }
        finally
        {
            flow.ReleaseEvents();
        }
    }

    private async Task ReadAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[MessageBufferBytes];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, stop);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }
            if (AriEvent.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) is { } evt)
            {
                flow.OnEvent(evt);
            }
            else
            {
                logger.LogWarning("ARI of site {Site} sent a message that is not an event; ignored", ari.Site.Site);
            }
            message.SetLength(0);
        }
    }
}
