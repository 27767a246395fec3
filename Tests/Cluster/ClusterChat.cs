using System.Collections.Concurrent;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// How the cluster tests talk and check, as the widget and console would: sends retried with the same client
/// id while the cluster answers <c>unavailable</c>, every acknowledgement recorded, every socket's view of a
/// conversation checked for gaps and repeats.
/// </summary>
public sealed class ClusterChat
{
    /// <summary>How long a conversation may refuse messages after a node dies (membership tuned as in <see cref="ClusterNodes"/>).</summary>
    public static readonly TimeSpan Failover = TimeSpan.FromSeconds(30);

    /// <summary>Between retries of a refused send, as the widget and console pace theirs.</summary>
    public static readonly TimeSpan RetryPace = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan RateLimitedPause = TimeSpan.FromSeconds(2);

    private static readonly string[] EventTypeNames =
        [EventTypes.Started, EventTypes.Assigned, EventTypes.Unassigned, EventTypes.Message, EventTypes.Closed, EventTypes.Rated];

    private int _refusals;

    /// <summary>Client id → the seq it was acknowledged with (client ids are unique across the test).</summary>
    public ConcurrentDictionary<string, long> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Sends refused with <c>unavailable</c> and retried.</summary>
    public int Refusals => _refusals;

    public async Task<JsonElement> SendUntilAckedAsync(TestSocket socket, object frame, string clientId)
    {
        var deadline = DateTime.UtcNow + Failover;
        while (true)
        {
            var from = socket.Received.Count;
            await socket.SendAsync(frame);
            var reply = await socket.SeenAsync(
                f => f.Str("type") is "ack" or "error" && f.TryGetProperty("id", out var id) && id.GetString() == clientId,
                $"an ack for '{clientId}'", Failover, from);
            if (reply.Str("type") == "ack")
            {
                var seq = reply.Seq();
                Assert.True(Acknowledged.GetOrAdd(clientId, seq) == seq, $"'{clientId}' was acknowledged with two different seqs");
                return reply;
            }
            Interlocked.Increment(ref _refusals);
            var code = reply.Str("code");
            if (code is not (ErrorCodes.Unavailable or ErrorCodes.RateLimited) || DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"'{clientId}' was refused: {reply.GetRawText()}");
            }
            // As a person at the console would: send again what the cluster could not take, and wait when told to slow down
            // (several chats retrying on one operator socket through an outage use up its frame rate).
            await Task.Delay(code == ErrorCodes.RateLimited ? RateLimitedPause : RetryPace);
        }
    }

    /// <summary>
    /// One round of a chat under failover: the visitor writes and the console sees it, the operator answers and the visitor
    /// sees it; each send retried until acknowledged. Client ids are <c>{prefix}-v-{round}</c> and <c>{prefix}-o-{round}</c>.
    /// </summary>
    public async Task ExchangeAsync(TestSocket visitor, TestSocket console, string conversationId, string prefix, string round)
    {
        var fromVisitor = $"{prefix}-v-{round}";
        await SendUntilAckedAsync(visitor, new { type = "message", id = fromVisitor, text = $"Вопрос {round}" }, fromVisitor);
        await console.SeenAsync(IsMessage(conversationId, fromVisitor), $"'{fromVisitor}' on the console", Failover);

        var fromOperator = $"{prefix}-o-{round}";
        await SendUntilAckedAsync(console, new { type = "message", conversationId, id = fromOperator, text = $"Ответ {round}" }, fromOperator);
        await visitor.SeenAsync(IsMessage(conversationId, fromOperator), $"'{fromOperator}' at the visitor", Failover);
    }

    /// <summary>
    /// Opens a socket (and logs in first, for a console), retrying (paced) while the gateway answers 503: the
    /// cluster behind it is busy or still recovering from a death, as the widget's reconnect loop would.
    /// </summary>
    public static async Task<TestSocket> ConnectAsync(Func<Task<TestSocket>> connect)
    {
        var deadline = DateTime.UtcNow + Failover;
        while (true)
        {
            try
            {
                return await connect();
            }
            catch (Exception refused) when (IsServiceUnavailable(refused) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryPace);
            }
        }
    }

    private static bool IsServiceUnavailable(Exception error) => error switch
    {
        System.Net.WebSockets.WebSocketException socket => socket.Message.Contains("'503'", StringComparison.Ordinal),
        HttpRequestException http => http.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable,
        _ => false,
    };

    /// <summary>Sends <c>hello</c> until welcomed, again after each <c>unavailable</c> (the cluster is recovering).</summary>
    public static async Task<JsonElement> HelloAsync(TestSocket socket, object hello)
    {
        var deadline = DateTime.UtcNow + Failover;
        while (true)
        {
            var from = socket.Received.Count;
            await socket.SendAsync(hello);
            var reply = await socket.SeenAsync(f => f.Str("type") is "welcome" or "error", "welcome", Failover, from);
            if (reply.Str("type") == "welcome")
            {
                return reply;
            }
            if (reply.Str("code") != ErrorCodes.Unavailable || DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"'hello' was refused: {reply.GetRawText()}");
            }
            await Task.Delay(RetryPace);
        }
    }

    /// <summary>An operator's console on <paramref name="gateway"/>: signed in, welcomed and online, retrying as the console would.</summary>
    public static async Task<TestSocket> OnlineConsoleAsync(GatewayNode gateway, string site, string login, string password)
    {
        var console = await ConnectAsync(async () => await gateway.OperatorSocketAsync(await gateway.LoginAsync(site, login, password)));
        await HelloAsync(console, new { type = "hello" });
        var deadline = DateTime.UtcNow + Failover;
        while (true)
        {
            var from = console.Received.Count;
            await console.SendAsync(new { type = "status", status = "online" });
            var reply = await console.SeenAsync(f => f.Str("type") == "error" || (f.Str("type") == "status" && f.Str("status") == "online"),
                "online", Failover, from);
            if (reply.Str("type") == "status")
            {
                return console;
            }
            Assert.True(reply.Str("code") == ErrorCodes.Unavailable && DateTime.UtcNow < deadline, $"'status' was refused: {reply.GetRawText()}");
            await Task.Delay(RetryPace);
        }
    }

    public static Func<JsonElement, bool> IsMessage(string conversationId, string clientId) => f =>
        f.Str("type") == EventTypes.Message && f.Str("conversationId") == conversationId
        && f.TryGetProperty("id", out var id) && id.GetString() == clientId;

    /// <summary>The event with <paramref name="seq"/> has reached the socket.</summary>
    public static Func<JsonElement, bool> IsEvent(string conversationId, long seq) => f =>
        IsConversationEvent(f, conversationId) && f.Seq() == seq;

    /// <summary>The seqs of the conversation's events the socket received, in arrival order (not the transcript in an <c>assigned</c> notice).</summary>
    public static List<long> EventSeqs(TestSocket socket, string conversationId) =>
        [.. socket.Received.Where(f => IsConversationEvent(f, conversationId)).Select(f => f.Seq())];

    public static long LastSeq(TestSocket socket, string conversationId) => EventSeqs(socket, conversationId).DefaultIfEmpty(0).Max();

    /// <summary>The socket saw seqs <paramref name="fromSeq"/>, +1, +2, … — no gap, no repeat, no disorder.</summary>
    public static void AssertGapFree(TestSocket socket, string conversationId, long fromSeq)
    {
        var seqs = EventSeqs(socket, conversationId);
        Assert.True(seqs.SequenceEqual(Enumerable.Range((int)fromSeq, seqs.Count).Select(s => (long)s)),
            $"Conversation {conversationId} reached a socket as [{string.Join(",", seqs)}], expected consecutive from {fromSeq}.");
    }

    private static bool IsConversationEvent(JsonElement f, string conversationId) =>
        EventTypeNames.Contains(f.Str("type")) && !f.TryGetProperty("transcript", out _)
        && f.TryGetProperty("conversationId", out var c) && c.GetString() == conversationId && f.TryGetProperty("seq", out _);
}
