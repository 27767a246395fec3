using System.Net;
using System.Net.Sockets;
using Switchboard.Domain.Webhooks;

namespace Switchboard.Silo.Webhooks;

/// <summary>
/// The HTTP client for retailers' URLs. The address is checked when the connection is made, not only when the URL
/// was registered: a host name that resolved to a public address then may resolve to an internal one now (DNS
/// rebinding), and the connection goes to exactly the address that was checked. No redirects, no proxy.
/// </summary>
public static class GuardedHttp
{
    public static HttpClient Create(WebhookOptions options) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = options.Timeout,
        ConnectCallback = (context, cancellationToken) => Connect(context.DnsEndPoint, options.AllowPrivateNetworks == true, cancellationToken),
    })
    {
        Timeout = options.Timeout,
    };

    private static async ValueTask<Stream> Connect(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (!allowPrivate && addresses.Any(a => !NetworkAddresses.IsPublic(a)))
        {
            throw new HttpRequestException($"Refused: '{endpoint.Host}' resolves to a loopback or private address.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
