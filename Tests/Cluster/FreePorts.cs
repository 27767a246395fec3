using System.Net;
using System.Net.Sockets;

namespace Switchboard.Tests.Cluster;

/// <summary>Loopback ports the OS says are free now, for servers that must be told their port up front.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
