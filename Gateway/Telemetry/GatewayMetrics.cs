using System.Diagnostics.Metrics;
using Switchboard.Domain.Telemetry;
using Switchboard.Wire;

namespace Switchboard.Gateway.Telemetry;

/// <summary>The gateway's own instrument on the product meter: open sockets, which is what sizes a gateway.</summary>
/// <remarks>
/// The count is observed, not added up from +1/−1 measurements: an exporter that starts listening after sockets
/// opened would otherwise see only their closings and report a negative count (seen when two hosts share a process).
/// </remarks>
public sealed class GatewayMetrics
{
    private static readonly KeyValuePair<string, object?> Visitors = new("audience", "visitor");
    private static readonly KeyValuePair<string, object?> Operators = new("audience", "operator");

    private long _visitorSockets;
    private long _operatorSockets;

    public GatewayMetrics(IMeterFactory meters) =>
        meters.Create(ProductMeter.Name).CreateObservableUpDownCounter(
            "switchboard.sockets",
            () => new[]
            {
                new Measurement<long>(Interlocked.Read(ref _visitorSockets), Visitors),
                new Measurement<long>(Interlocked.Read(ref _operatorSockets), Operators),
            },
            "{socket}",
            "Open WebSockets on this gateway, by audience: visitor or operator.");

    /// <summary>Counts a socket as open until the returned handle is disposed.</summary>
    public IDisposable SocketOpened(Audience audience)
    {
        var visitor = audience == Audience.Visitor;
        Interlocked.Increment(ref visitor ? ref _visitorSockets : ref _operatorSockets);
        return new OpenSocket(this, visitor);
    }

    private sealed class OpenSocket(GatewayMetrics metrics, bool visitor) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                Interlocked.Decrement(ref visitor ? ref metrics._visitorSockets : ref metrics._operatorSockets);
            }
        }
    }
}
