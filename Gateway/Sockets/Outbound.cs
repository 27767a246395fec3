using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Sockets;

/// <summary>What a socket's send loop works through, strictly in order.</summary>
internal abstract record Outbound
{
    /// <summary>A ready frame.</summary>
    public sealed record Frame(byte[] Bytes) : Outbound;

    /// <summary>A conversation event: sent only in sequence, gaps fetched first, repeats dropped.</summary>
    public sealed record Event(string ConversationKey, ConversationEvent Value) : Outbound;

    /// <summary>Start following a conversation from <see cref="AfterSeq"/>: everything after it is sent, then live events.</summary>
    public sealed record Attach(string ConversationKey, long AfterSeq) : Outbound;

    public sealed record Detach(string ConversationKey) : Outbound;

    /// <summary>
    /// Say goodbye after everything queued before it: the gateway is shutting down (reconnect elsewhere), or the
    /// operator was signed out (their token no longer opens a socket).
    /// </summary>
    public sealed record Close(System.Net.WebSockets.WebSocketCloseStatus Status, string Reason) : Outbound;
}
