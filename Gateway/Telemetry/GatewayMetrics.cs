using System.Diagnostics.Metrics;
using Switchboard.Domain.Telemetry;
using Switchboard.Wire;

namespace Switchboard.Gateway.Telemetry;

/// <summary>The gateway's own instrument on the product meter: open sockets, which is what sizes a gateway.</summary>
public sealed class GatewayMetrics
{
    private static readonly KeyValuePair<string, object?> Visitors = new("audience", "visitor");
    private static readonly KeyValuePair<string, object?> Operators = new("audience", "operator");

    private readonly UpDownCounter<long> _sockets;

    public GatewayMetrics(IMeterFactory meters) =>
        _sockets = meters.Create(ProductMeter.Name)
            .CreateUpDownCounter<long>("switchboard.sockets", "{socket}", "Open WebSockets on this gateway, by audience: visitor or operator.");

    /// <summary>Counts a socket as open until the returned handle is disposed.</summary>
    public IDisposable SocketOpened(Audience audience)
    {
        var tag = audience == Audience.Visitor ? Visitors : Operators;
        _sockets.Add(1, tag);
        return new OpenSocket(_sockets, tag);
    }

    private sealed class OpenSocket(UpDownCounter<long> sockets, KeyValuePair<string, object?> tag) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                sockets.Add(-1, tag);
            }
        }
    }
}
