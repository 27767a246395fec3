using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Limits;
using Switchboard.Wire;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// One WebSocket: a receive loop that enforces the frame limit and hands whole text frames on, and a send
/// loop that owns the socket's per-conversation cursors, so each conversation's events go out gap-free and
/// once, in sequence order — whatever order pushes arrive in and whether or not some were lost. What the socket may
/// hold is bounded: its frames' rates by <see cref="FrameRateGate"/>, its send queue in bytes.
/// </summary>
public sealed partial class SocketConnection
{
    private const int ReceiveChunk = 4096;

    private readonly WebSocket _socket;
    private readonly EventSource _events;
    private readonly ILogger _logger;
    private readonly int _maxFrameBytes;
    private readonly Channel<Outbound> _outbound;
    // Each followed conversation's cursor, and the id its frames carry (cut from its key once, when the socket starts
    // following it, rather than for every event frame). Made with the first one: most visitor sockets follow none.
    private Dictionary<string, Followed>? _followed;
    private readonly Audience _audience;
    private readonly FrameRateGate _gate;
    private readonly int _maxQueuedBytes;
    private readonly Func<ConversationEvent, ConversationEvent> _present;
    private long _queuedBytes;

    /// <param name="present">Last touches to an event for this reader (signed links to its files); as it is when absent.</param>
    public SocketConnection(
        WebSocket socket, Audience audience, EventSource events, GatewaySettings options, ClientLimits limits, TimeProvider clock, ILogger logger,
        Func<ConversationEvent, ConversationEvent>? present = null)
    {
        _present = present ?? (evt => evt);
        _socket = socket;
        _audience = audience;
        _events = events;
        _logger = logger;
        _maxFrameBytes = options.MaxFrameBytes;
        _gate = new FrameRateGate(limits, clock, audience == Audience.Operator ? limits.OperatorRateFactor : 1);
        _maxQueuedBytes = limits.OutboundQueueBytes;
        _outbound = Channel.CreateBounded<Outbound>(new BoundedChannelOptions(options.MaxQueuedFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public void Send(byte[] frame) => Queue(new Outbound.Frame(frame));

    public void SendEvent(string conversationKey, ConversationEvent evt) => Queue(new Outbound.Event(conversationKey, evt));

    public void Attach(string conversationKey, long afterSeq) => Queue(new Outbound.Attach(conversationKey, afterSeq));

    public void Detach(string conversationKey) => Queue(new Outbound.Detach(conversationKey));

    /// <summary>Closes the socket with <see cref="ServiceRestart"/> once the frames queued before are sent.</summary>
    public void CloseForRestart() => Queue(new Outbound.Close(ServiceRestart, "reconnect"));

    /// <summary>Closes the socket with 1008 "policy violation" once the frames queued before are sent.</summary>
    public void CloseForPolicy(string reason) => Queue(new Outbound.Close(WebSocketCloseStatus.PolicyViolation, reason));

    /// <summary>1012 "service restart": the client should reconnect (to another gateway) and resume.</summary>
    public const WebSocketCloseStatus ServiceRestart = (WebSocketCloseStatus)1012;

    /// <summary>Bytes waiting to be sent (frames and an estimate for events not yet rendered).</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>
    /// Runs until the peer closes or the socket fails; <paramref name="onFrame"/> sees each well-formed frame,
    /// one at a time. Malformed ones are answered with <c>bad_request</c> here.
    /// </summary>
    public async Task RunAsync(Func<InboundFrame, Task> onFrame, CancellationToken cancellationToken)
    {
        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync(onFrame, cancellationToken);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug(error, "Socket ended");
        }
        finally
        {
            _outbound.Writer.TryComplete();
            await sending;
        }
    }

    private void Queue(Outbound item)
    {
        // A peer that reads nothing must not hold memory without bound: it reconnects and resumes.
        if (Interlocked.Add(ref _queuedBytes, item.Size) > _maxQueuedBytes || !_outbound.Writer.TryWrite(item))
        {
            Interlocked.Add(ref _queuedBytes, -item.Size);
            if (_socket.State == WebSocketState.Open)
            {
                _logger.LogWarning("Closing a socket whose send queue is full");
                _outbound.Writer.TryComplete();
                _socket.Abort();
            }
        }
    }
}
