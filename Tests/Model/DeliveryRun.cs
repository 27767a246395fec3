using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Model;

/// <summary>
/// One generated sequence of <see cref="DeliveryStep"/>s played against a real gateway over real sockets, then the
/// chat closed, and what both sides saw checked against the model of the delivery guarantees: every message stored
/// once whatever was retried, acknowledged with the same seq on a retry, seen once by each side, in the order sent,
/// and the visitor's events gap-free across reconnects.
/// </summary>
public sealed class DeliveryRun(GatewayHost host, string site) : IAsyncDisposable
{
    private readonly List<TestSocket> _visitorSockets = [];
    private readonly Dictionary<string, long> _ackedSeq = new(StringComparer.Ordinal);
    private readonly List<string> _visitorIds = [];
    private readonly List<string> _operatorIds = [];
    private TestSocket _operator = null!;
    private object _lastFrame = null!;
    private string _lastId = "";
    private string _visitorToken = "";
    private string _conversationId = "";

    /// <summary>Plays the steps and closes the chat; returns what broke the model, or null.</summary>
    public async Task<string?> PlayAsync(IReadOnlyList<DeliveryStep> steps)
    {
        await StartAsync();
        for (var i = 0; i < steps.Count; i++)
        {
            if (await PlayAsync(steps[i], i) is { } broken)
            {
                return $"step {i} ({steps[i]}): {broken}";
            }
        }
        await Visitor.SendAsync(new { type = "close" });
        var closed = await Visitor.SeenAsync(IsEvent("closed"), "the closed event", Waits.Signal);
        await _operator.SeenAsync(IsEvent("closed"), "the closed event on the operator's side", Waits.Signal);
        return Check(closed.Seq());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _visitorSockets)
        {
            await socket.DisposeAsync();
        }
        await _operator.DisposeAsync();
    }

    private TestSocket Visitor => _visitorSockets[^1];

    private async Task StartAsync()
    {
        (_operator, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(host, site);
        _visitorSockets.Add(visitor);
        _visitorToken = welcome.Str("visitorToken");
        var ack = await SendVisitorFrameAsync("s0", new { type = "start_chat", id = "s0", text = "first" });
        _conversationId = ack.Str("conversationId");
        _visitorIds.Add("s0");
        await _operator.SeenAsync(IsEvent("assigned"), "the chat assigned to the operator", Waits.Signal);
    }

    private async Task<string?> PlayAsync(DeliveryStep step, int index)
    {
        switch (step)
        {
            case DeliveryStep.Send:
                var id = $"m{index}";
                await SendVisitorFrameAsync(id, new { type = "message", id, text = $"visitor says {index}" });
                _visitorIds.Add(id);
                return null;
            case DeliveryStep.Retry:
                var original = _ackedSeq[_lastId];
                var again = await SendVisitorFrameAsync(_lastId, _lastFrame, record: false);
                return again.Seq() == original ? null : $"retry of {_lastId} acknowledged with seq {again.Seq()}, first with {original}";
            case DeliveryStep.Reconnect:
                // The socket closes first, then the resume point is read from what it received: an event still in
                // flight when the point was read earlier would otherwise arrive on the old socket and be replayed too.
                await Visitor.DisposeAsync();
                var lastSeq = HighestGapFreeSeq();
                var (socket, _) = await ChatPeers.VisitorAsync(host, site, new
                {
                    type = "hello", visitorToken = _visitorToken, resume = new { conversationId = _conversationId, lastSeq },
                });
                _visitorSockets.Add(socket);
                return null;
            case DeliveryStep.Reply:
                var replyId = $"o{index}";
                await _operator.SendAsync(new { type = "message", conversationId = _conversationId, id = replyId, text = $"operator says {index}" });
                await _operator.SeenAsync(f => Type(f) == "ack" && f.Str("id") == replyId, $"the ack of {replyId}", Waits.Signal);
                _operatorIds.Add(replyId);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    private async Task<JsonElement> SendVisitorFrameAsync(string id, object frame, bool record = true)
    {
        var from = Visitor.Received.Count;
        await Visitor.SendAsync(frame);
        var ack = await Visitor.SeenAsync(f => Type(f) == "ack" && f.Str("id") == id, $"the ack of {id}", Waits.Signal, from);
        if (record)
        {
            _ackedSeq[id] = ack.Seq();
            _lastId = id;
            _lastFrame = frame;
        }
        return ack;
    }

    /// <summary>The model's guarantees, against everything both sides received.</summary>
    private string? Check(long closedSeq)
    {
        var perSocket = _visitorSockets.Select(s => s.Received.Where(f => IsEvent(f) && f.Str("conversationId") == _conversationId).ToList()).ToList();
        foreach (var events in perSocket)
        {
            var seqs = events.Select(f => f.Seq()).ToList();
            if (!seqs.Zip(seqs.Skip(1)).All(p => p.First < p.Second))
            {
                return $"a socket got events out of order: {string.Join(",", seqs)}";
            }
        }
        var all = perSocket.SelectMany(e => e).ToList();
        var seen = all.Select(f => f.Seq()).ToList();
        if (seen.Count != seen.Distinct().Count())
        {
            return $"the visitor got an event twice across reconnects: {string.Join(",", seen.Order())}";
        }
        if (!seen.Order().SequenceEqual(Enumerable.Range(1, (int)closedSeq).Select(s => (long)s)))
        {
            return $"the visitor's events have a gap: {string.Join(",", seen.Order())} up to {closedSeq}";
        }
        var messages = all.Where(f => Type(f) == "message" && f.TryGetProperty("id", out _)).OrderBy(f => f.Seq()).Select(f => f.Str("id")).ToList();
        var expected = _visitorIds.Concat(_operatorIds).OrderBy(id => _ackedSeqOrReply(id)).ToList();
        if (!messages.Where(id => expected.Contains(id)).SequenceEqual(expected))
        {
            return $"the visitor saw messages {string.Join(",", messages)}; the model expects {string.Join(",", expected)}";
        }
        // The chat's first message reaches the operator inside the 'assigned' frame; every later one as an event.
        var afterAssignment = _visitorIds.Skip(1).ToList();
        var atOperator = _operator.Received.Where(f => IsEvent(f) && Type(f) == "message" && f.TryGetProperty("id", out _))
            .Select(f => f.Str("id")).Where(afterAssignment.Contains).ToList();
        return atOperator.SequenceEqual(afterAssignment)
            ? null
            : $"the operator saw visitor messages {string.Join(",", atOperator)}; the model expects {string.Join(",", afterAssignment)}";
    }

    private long _ackedSeqOrReply(string id) => _ackedSeq.TryGetValue(id, out var seq) ? seq : ReplySeq(id);

    private long ReplySeq(string id) => _operator.Received.First(f => Type(f) == "ack" && f.Str("id") == id).Seq();

    /// <summary>The highest seq the visitor saw with every one before it: where a reconnecting widget resumes.</summary>
    private long HighestGapFreeSeq()
    {
        var seen = _visitorSockets.SelectMany(s => s.Received).Where(f => IsEvent(f) && f.Str("conversationId") == _conversationId)
            .Select(f => f.Seq()).ToHashSet();
        var last = 0L;
        while (seen.Contains(last + 1))
        {
            last++;
        }
        return last;
    }

    private static readonly HashSet<string> EventTypes =
        ["started", "assigned", "unassigned", "message", "transferred", "callback", "note", "closed", "rated", "delivery", "call"];

    private static string Type(JsonElement frame) => frame.GetProperty("type").GetString()!;

    private static bool IsEvent(JsonElement frame) => EventTypes.Contains(Type(frame)) && frame.TryGetProperty("seq", out _);

    private static Func<JsonElement, bool> IsEvent(string type) => f => Type(f) == type && f.TryGetProperty("seq", out _);
}
