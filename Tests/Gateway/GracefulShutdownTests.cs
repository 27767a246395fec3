using Switchboard.Gateway.Sockets;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_stopping_gateway_closes_its_sockets_with_a_frame_that_says_reconnect()
    {
        using var data = new TempDirectory();
        var host = new GatewayHost(data.Path);
        var site = await TestSites.CreateAsync(host.Grains, ("ann", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(host, site);
        var (console, _) = await ChatPeers.OnlineOperatorAsync(host, site, "ann");

        var stopping = Task.Run(host.Dispose);
        await visitor.WaitClosedAsync(Waits.Signal);
        await console.WaitClosedAsync(Waits.Signal);
        await stopping.WaitAsync(Waits.Signal);

        Assert.Equal((SocketConnection.ServiceRestart, "reconnect"), visitor.Close);
        Assert.Equal((SocketConnection.ServiceRestart, "reconnect"), console.Close);
        await visitor.DisposeAsync();
        await console.DisposeAsync();
    }
}
