using System.Collections.Concurrent;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// Graceful shutdown for sockets: when the gateway is stopping, every open socket gets a close frame (1012,
/// "reconnect") after whatever it had queued, so widgets and consoles reconnect through the load balancer to
/// another gateway and resume, instead of finding out from a dead connection.
/// </summary>
public sealed class SocketDrain
{
    private readonly ConcurrentDictionary<SocketConnection, byte> _open = new();
    private volatile bool _stopping;

    public SocketDrain(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopping.Register(CloseAll);

    public int Count => _open.Count;

    /// <summary>Tracks the connection until the returned handle is disposed.</summary>
    public IDisposable Track(SocketConnection connection)
    {
        _open.TryAdd(connection, 0);
        if (_stopping)
        {
            connection.CloseForRestart();
        }
        return new Tracked(this, connection);
    }

    private void CloseAll()
    {
        _stopping = true;
        foreach (var connection in _open.Keys)
        {
            connection.CloseForRestart();
        }
    }

    private sealed class Tracked(SocketDrain drain, SocketConnection connection) : IDisposable
    {
        public void Dispose() => drain._open.TryRemove(connection, out _);
    }
}
