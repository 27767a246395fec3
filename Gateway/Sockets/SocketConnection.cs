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
public sealed class SocketConnection
{
    private const int ReceiveChunk = 4096;

    private readonly WebSocket _socket;
    private readonly EventSource _events;
    private readonly ILogger _logger;
    private readonly int _maxFrameBytes;
    private readonly Channel<Outbound> _outbound;
    private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
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

    private async Task ReceiveLoopAsync(Func<InboundFrame, Task> onFrame, CancellationToken cancellationToken)
    {
        while (_socket.State == WebSocketState.Open)
        {
            // Wait for the next frame without a buffer: an idle socket (most visitors, most of the time) holds none.
            var first = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
            bool more;
            try
            {
                more = first.MessageType != WebSocketMessageType.Close && await ReceiveMessageAsync(first, onFrame, cancellationToken);
            }
            catch (SocketAbuse)
            {
                // Stop reading: nothing it sent after this is looked at. The refusals queued before go out first.
                // Past the byte bound, if need be: it is the last item, and a full channel drops it (the socket is dropped then).
                var goodbye = new Outbound.Close(PolicyViolation, "rate limits");
                Interlocked.Add(ref _queuedBytes, goodbye.Size);
                _outbound.Writer.TryWrite(goodbye);
                _outbound.Writer.TryComplete();
                return;
            }
            if (!more)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }
        }
    }

    /// <summary>
    /// Reads the rest of a message whose start the buffer-less read saw, into a pooled chunk (and, only for a message
    /// longer than a chunk, a growing buffer), then hands it on. False when the peer closed instead.
    /// </summary>
    private async Task<bool> ReceiveMessageAsync(ValueWebSocketReceiveResult first, Func<InboundFrame, Task> onFrame, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunk);
        ArrayBufferWriter<byte>? longer = null;
        try
        {
            var (result, inChunk, total) = (first, 0, 0);
            while (!result.EndOfMessage)
            {
                result = await _socket.ReceiveAsync(chunk.AsMemory(inChunk), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return false;
                }
                inChunk += result.Count;
                total += result.Count;
                if (total > _maxFrameBytes)
                {
                    inChunk = 0; // read on to the end of the message, keeping none of it
                }
                else if (inChunk == chunk.Length && !result.EndOfMessage)
                {
                    longer ??= new ArrayBufferWriter<byte>(2 * ReceiveChunk);
                    longer.Write(chunk);
                    inChunk = 0;
                }
            }
            if (total > _maxFrameBytes)
            {
                Send(EventFrames.Error(ErrorCodes.TooLarge, $"A frame is at most {_maxFrameBytes} bytes."));
            }
            else if (first.MessageType == WebSocketMessageType.Binary)
            {
                Send(EventFrames.Error(ErrorCodes.BadRequest, "Frames are JSON text."));
            }
            else
            {
                longer?.Write(chunk.AsSpan(0, inChunk));
                await HandleAsync(longer?.WrittenMemory ?? chunk.AsMemory(0, inChunk), onFrame);
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> bytes, Func<InboundFrame, Task> onFrame)
    {
        var frame = InboundFrame.TryParse(bytes, out var problem);
        if (frame is null)
        {
            Send(EventFrames.Error(ErrorCodes.BadRequest, problem!));
            return;
        }
        switch (_gate.Judge(frame.Type))
        {
            case FrameVerdict.Admit:
                await onFrame(frame);
                break;
            case FrameVerdict.Refuse:
                Send(EventFrames.Error(ErrorCodes.RateLimited, $"Too many '{Shorten(frame.Type)}' frames; slow down.", frame.ClientId));
                break;
            case FrameVerdict.Close:
                _logger.LogInformation("Closing a socket that kept sending over its rate limits");
                throw new SocketAbuse();
        }
    }

    /// <summary>A client-chosen type echoed back in an error, cut so it cannot make the answer large.</summary>
    private static string Shorten(string type) => type.Length > 32 ? type[..32] : type;

    /// <summary>1008 "policy violation": sent to a client that keeps sending over its limits.</summary>
    public const WebSocketCloseStatus PolicyViolation = WebSocketCloseStatus.PolicyViolation;

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var item in _outbound.Reader.ReadAllAsync())
            {
                Interlocked.Add(ref _queuedBytes, -item.Size);
                switch (item)
                {
                    case Outbound.Frame frame:
                        await WriteAsync(frame.Bytes);
                        break;
                    case Outbound.Event evt:
                        await SendInOrderAsync(evt.ConversationKey, evt.Value);
                        break;
                    case Outbound.Attach attach:
                        _cursors[attach.ConversationKey] = attach.AfterSeq;
                        await CatchUpAsync(attach.ConversationKey);
                        break;
                    case Outbound.Detach detach:
                        _cursors.Remove(detach.ConversationKey);
                        break;
                    case Outbound.Close close when _socket.State == WebSocketState.Open:
                        await _socket.CloseOutputAsync(close.Status, close.Reason, CancellationToken.None);
                        break;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.LogDebug(error, "Send loop ended");
        }
    }

    private async Task SendInOrderAsync(string conversationKey, ConversationEvent evt)
    {
        if (!_cursors.TryGetValue(conversationKey, out var cursor) || evt.Seq <= cursor)
        {
            return;
        }
        if (evt.Seq > cursor + 1)
        {
            // A push went missing or overtook another: fetch the gap from the conversation, which has it all.
            await CatchUpAsync(conversationKey);
            return;
        }
        await WriteEventAsync(conversationKey, evt);
    }

    private async Task CatchUpAsync(string conversationKey)
    {
        IReadOnlyList<ConversationEvent> missing;
        try
        {
            missing = await _events(conversationKey, _cursors[conversationKey]);
        }
        catch (Exception error) when (error is not WebSocketException)
        {
            _logger.LogWarning(error, "Could not catch up {Conversation}", conversationKey);
            Send(EventFrames.Error(ErrorCodes.Unavailable, "Could not load the conversation; reconnect to resume."));
            return;
        }
        foreach (var evt in missing)
        {
            if (evt.Seq == _cursors[conversationKey] + 1)
            {
                await WriteEventAsync(conversationKey, evt);
            }
        }
    }

    private Task WriteEventAsync(string conversationKey, ConversationEvent evt)
    {
        _cursors[conversationKey] = evt.Seq;
        return WriteAsync(EventFrames.Event(GrainKeys.Parse(conversationKey).Id, _present(evt), _audience));
    }

    private async Task WriteAsync(byte[] frame)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
    }
}
