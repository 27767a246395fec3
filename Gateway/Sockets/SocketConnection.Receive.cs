using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Switchboard.Contracts;
using Switchboard.Gateway.Limits;
using Switchboard.Wire;

namespace Switchboard.Gateway.Sockets;

/// <summary>The socket's receive side: whole text frames within the size and rate limits, handed on one at a time.</summary>
public sealed partial class SocketConnection
{
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
    // Both run once per frame and suspend on the socket: their state machines come from a pool, not a new box each frame.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReceiveMessageAsync(ValueWebSocketReceiveResult first, Func<InboundFrame, Task> onFrame, CancellationToken cancellationToken)
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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandleAsync(ReadOnlyMemory<byte> bytes, Func<InboundFrame, Task> onFrame)
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
}
