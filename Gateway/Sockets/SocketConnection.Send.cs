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
        var reader = _outbound.Reader;
        try
        {
            // Read in place rather than through ReadAllAsync, whose enumerator would live as long as the socket.
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var item))
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
                            _followed ??= new Dictionary<string, Followed>(StringComparer.Ordinal);
                            _followed[attach.ConversationKey] = new Followed(GrainKeys.Parse(attach.ConversationKey).Id, attach.AfterSeq);
                            await CatchUpAsync(attach.ConversationKey);
                            break;
                        case Outbound.Detach detach:
                            _followed?.Remove(detach.ConversationKey);
                            break;
                        case Outbound.Close close when _socket.State == WebSocketState.Open:
                            await _socket.CloseOutputAsync(close.Status, close.Reason, CancellationToken.None);
                            break;
                    }
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
        if (_followed is null || !_followed.TryGetValue(conversationKey, out var followed) || evt.Seq <= followed.Cursor)
        {
            return;
        }
        if (evt.Seq > followed.Cursor + 1)
        {
            // A push went missing or overtook another: fetch the gap from the conversation, which has it all.
            await CatchUpAsync(conversationKey);
            return;
        }
        await WriteEventAsync(conversationKey, followed.Id, evt);
    }

    private async Task CatchUpAsync(string conversationKey)
    {
        IReadOnlyList<ConversationEvent> missing;
        var followed = _followed![conversationKey];
        try
        {
            missing = await _events(conversationKey, followed.Cursor);
        }
        catch (Exception error) when (error is not WebSocketException)
        {
            _logger.LogWarning(error, "Could not catch up {Conversation}", conversationKey);
            Send(EventFrames.Error(ErrorCodes.Unavailable, "Could not load the conversation; reconnect to resume."));
            return;
        }
        var cursor = followed.Cursor;
        foreach (var evt in missing)
        {
            if (evt.Seq == cursor + 1)
            {
                await WriteEventAsync(conversationKey, followed.Id, evt);
                cursor = evt.Seq;
            }
        }
    }

    private async Task WriteEventAsync(string conversationKey, string conversationId, ConversationEvent evt)
    {
        _followed![conversationKey] = new Followed(conversationId, evt.Seq);
        // The WebSocket copies a frame into its own send buffer before it writes, so the array goes back once sent.
        using var frame = EventFrames.Event(conversationId, _present(evt), _audience);
        await WriteAsync(frame.Memory);
    }

    /// <summary>A followed conversation: the id its frames carry, and the last sequence number sent.</summary>
    private readonly record struct Followed(string Id, long Cursor);

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> frame)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
    }
}
