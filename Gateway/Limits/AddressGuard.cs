using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// What one client address may do to the gateway: open sockets (at a rate, and so many at once) and create visitors.
/// The address is the connection's, or the proxy's <c>X-Forwarded-For</c> when forwarded headers are enabled.
/// </summary>
public sealed class AddressGuard(IOptions<ClientLimits> options, TimeProvider clock)
{
    private readonly ClientLimits _limits = options.Value;
    private readonly KeyedBuckets _connections = new(options.Value.ConnectionsPerAddress, clock);
    private readonly KeyedBuckets _newVisitors = new(options.Value.NewVisitorsPerAddress, clock);
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public static string KeyOf(IPAddress? address) => address?.ToString() ?? "unknown";

    /// <summary>A slot for one socket of <paramref name="address"/>, held until disposed; null when over a limit.</summary>
    public IDisposable? TryOpenSocket(string address)
    {
        if (!_connections.TryTake(address))
        {
            return null;
        }
        var open = _open.AddOrUpdate(address, 1, (_, n) => n + 1);
        if (open > _limits.SocketsPerAddress)
        {
            Close(address);
            return null;
        }
        return new OpenSocket(this, address);
    }

    /// <summary>One visitor created from <paramref name="address"/>; false when it created too many lately.</summary>
    public bool TryCreateVisitor(string address) => _newVisitors.TryTake(address);

    /// <summary>Sockets open from <paramref name="address"/>.</summary>
    public int OpenSockets(string address) => _open.GetValueOrDefault(address);

    private void Close(string address)
    {
        // Drop the entry with its last socket, so the map holds only addresses with open sockets.
        if (_open.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _open.TryRemove(new KeyValuePair<string, int>(address, 0));
        }
    }

    private sealed class OpenSocket(AddressGuard guard, string address) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                guard.Close(address);
            }
        }
    }
}
