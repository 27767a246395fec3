using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Hears when this gateway loses its connection to a silo. The grains that lived there come back on other
/// silos without the subscriptions this node held, so the push hub renews them now instead of within a minute.
/// </summary>
public sealed class SiloLossObserver(PushResync resync, ILogger<SiloLossObserver> logger) : IClusterConnectionStatusObserver
{
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways || connectionRecovered)
        {
            logger.LogInformation("Connected silos: {Previous} -> {Current}", previousNumberOfGateways, currentNumberOfGateways);
            resync.Request();
        }
    }

    public void NotifyClusterConnectionLost() => logger.LogError("Lost every connection to the cluster");
}
