using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Gateway;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;

namespace Switchboard.Tests.Limits;

public sealed class OutboundQueueTests
{
    private const int QueueBytes = 64 * 1024;

    [Fact]
    public void A_socket_that_reads_nothing_is_closed_when_its_queue_would_pass_its_bytes_not_its_frames()
    {
        // A socket whose send loop never runs: everything sent stays queued, as for a peer that stopped reading.
        using var socket = WebSocket.CreateFromStream(new MemoryStream(), isServer: true, subProtocol: null, TimeSpan.Zero);
        var connection = new SocketConnection(socket, Audience.Visitor, (_, _) => Task.FromResult<IReadOnlyList<Switchboard.Contracts.Conversations.ConversationEvent>>([]),
            new GatewaySettings { MaxQueuedFrames = 1_000_000 }, new ClientLimits { OutboundQueueBytes = QueueBytes }, new FakeTimeProvider(), NullLogger.Instance);
        var frame = new byte[10 * 1024];

        for (var i = 0; i < 6; i++)
        {
            connection.Send(frame);
        }
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(6 * frame.Length, connection.QueuedBytes);

        connection.Send(frame);

        Assert.Equal(WebSocketState.Aborted, socket.State);
        Assert.True(connection.QueuedBytes <= QueueBytes, $"{connection.QueuedBytes} bytes stayed queued");
    }
}
