using System.Net;
using System.Net.Sockets;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Ports that are free now, for servers that must be told their port up front. They come from below Linux's
/// ephemeral range (32768–60999): a port the OS hands out for "any port" can be taken again as the source port
/// of an outgoing connection before the server binds it, and a cluster test opens many connections.
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;

    /// <summary>A random start, so two test runs on one machine rarely walk the same ports.</summary>
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        for (var tries = 0; tries < Last - First; tries++)
        {
            var port = First + (Interlocked.Increment(ref _next) - First) % (Last - First);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
