using System.Net.WebSockets;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Wire;

namespace Switchboard.Gateway.Sockets;

/// <summary>The socket's send side: frames in queue order, and each conversation's events gap-free and once, in sequence.</summary>
public sealed partial class SocketConnection
{
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
                        _conversationIds[attach.ConversationKey] = GrainKeys.Parse(attach.ConversationKey).Id;
                        await CatchUpAsync(attach.ConversationKey);
                        break;
                    case Outbound.Detach detach:
                        _cursors.Remove(detach.ConversationKey);
                        _conversationIds.Remove(detach.ConversationKey);
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

    private async Task WriteEventAsync(string conversationKey, ConversationEvent evt)
    {
        _cursors[conversationKey] = evt.Seq;
        // The WebSocket copies a frame into its own send buffer before it writes, so the array goes back once sent.
        using var frame = EventFrames.Event(_conversationIds[conversationKey], _present(evt), _audience);
        await WriteAsync(frame.Memory);
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> frame)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
    }
}
