using System.Text.Json;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Monitoring;

/// <summary>Pushes the site's monitor snapshot to one supervisor socket every second, until disposed.</summary>
public sealed class MonitorFeed(SiteMonitor monitor, TimeProvider clock, ILogger<MonitorFeed> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public IDisposable Start(SocketConnection connection, string site)
    {
        var stop = new CancellationTokenSource();
        _ = RunAsync(connection, site, stop.Token);
        return stop;
    }

    private async Task RunAsync(SocketConnection connection, string site, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    if (await monitor.SnapshotAsync(site) is { } snapshot)
                    {
                        connection.Send(FrameWriter.ToBytes(
                            new MonitorFrame(JsonSerializer.SerializeToElement(snapshot, WireJson.Options)), WireContext.Default.MonitorFrame));
                    }
                }
                catch (Exception error) when (error is not (OperationCanceledException or ObjectDisposedException))
                {
                    logger.LogWarning(error, "Building the monitor snapshot for {Site} failed", site);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
        {
            // The socket closed, or the gateway is shutting down.
        }
    }
}
