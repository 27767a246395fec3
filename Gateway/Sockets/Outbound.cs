using System.Net.WebSockets;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Sockets;

/// <summary>What a socket's send loop works through, strictly in order.</summary>
internal abstract record Outbound
{
    /// <summary>What an item without a frame of its own counts against the socket's queue.</summary>
    private const int Bookkeeping = 64;

    /// <summary>About what the item holds, for the socket's bound in bytes (an event is counted as its largest frame).</summary>
    public virtual int Size => Bookkeeping;

    /// <summary>A ready frame.</summary>
    public sealed record Frame(byte[] Bytes) : Outbound
    {
        public override int Size => Bytes.Length;
    }

    /// <summary>A conversation event: sent only in sequence, gaps fetched first, repeats dropped.</summary>
    public sealed record Event(string ConversationKey, ConversationEvent Value) : Outbound
    {
        // Three UTF-8 bytes at most per character of its free texts, plus the frame's fixed fields.
        public override int Size => 512 + 3 * ((Value.Text?.Length ?? 0) + (Value.Note?.Length ?? 0) + (Value.Author?.Length ?? 0)
            + (Value.VisitorName?.Length ?? 0) + (Value.Form?.Sum(f => f.Key.Length + f.Value.Length) ?? 0));
    }

    /// <summary>Start following a conversation from <see cref="AfterSeq"/>: everything after it is sent, then live events.</summary>
    public sealed record Attach(string ConversationKey, long AfterSeq) : Outbound;

    public sealed record Detach(string ConversationKey) : Outbound;

    /// <summary>
    /// Say goodbye after everything queued before it: 1012 when the gateway is shutting down (reconnect elsewhere),
    /// 1008 when the client kept sending over its limits or the operator was signed out (their token no longer
    /// opens a socket).
    /// </summary>
    public sealed record Close(WebSocketCloseStatus Status, string Reason) : Outbound;
}
