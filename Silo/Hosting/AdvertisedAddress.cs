using System.Net;
using System.Net.Sockets;

namespace Switchboard.Silo.Hosting;

/// <summary>Turns <c>Cluster:AdvertisedIP</c> into the address a silo announces in the membership table.</summary>
public static class AdvertisedAddress
{
    public static IPAddress Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "Cluster mode needs Cluster:AdvertisedIP: the address other silos and the gateways reach this silo at.");
        }
        if (IPAddress.TryParse(configured, out var address))
        {
            return address;
        }
        // A host name (a container's service name): resolved once, IPv4 first, as the membership table holds one address.
        var addresses = Dns.GetHostAddresses(configured);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Cluster:AdvertisedIP '{configured}' does not resolve to an address.");
    }
}
