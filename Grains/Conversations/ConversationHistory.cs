using Switchboard.Contracts.Conversations;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// A conversation folded from its event log: the events themselves, the client ids already stored,
/// and the state machine (new → queued → assigned → active → closed). Plain code, no grain.
/// </summary>
public sealed class ConversationHistory
{
    private readonly List<ConversationEvent> _events = [];
    private readonly Dictionary<string, long> _clientIds = new(StringComparer.Ordinal);

    public IReadOnlyList<ConversationEvent> Events => _events;
    public long LastSeq => _events.Count;
    public bool Exists => _events.Count > 0;
    public string Status { get; private set; } = ConversationStatus.New;
    public string VisitorId { get; private set; } = "";
    public string? VisitorName { get; private set; }
    public string Queue { get; private set; } = "";
    public string? OperatorId { get; private set; }
    public string? OperatorName { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The seq stored for a client id, if that send was already stored.</summary>
    public long? SeqOf(string clientId) => _clientIds.TryGetValue(clientId, out var seq) ? seq : null;

    /// <summary>Events after <paramref name="afterSeq"/>, at most <paramref name="max"/>; seq n sits at index n-1.</summary>
    public IReadOnlyList<ConversationEvent> After(long afterSeq, int max)
    {
        var from = (int)Math.Clamp(afterSeq, 0, _events.Count);
        var count = Math.Min(max, _events.Count - from);
        return count <= 0 ? [] : _events.GetRange(from, count);
    }

    public void Apply(ConversationEvent evt)
    {
        if (evt.Seq != LastSeq + 1)
        {
            throw new InvalidOperationException($"Event {evt.Seq} does not follow {LastSeq}: the log has a gap.");
        }
        _events.Add(evt);
        if (evt.ClientId is { } clientId)
        {
            _clientIds.TryAdd(clientId, evt.Seq);
        }
        switch (evt.Type)
        {
            case EventTypes.Started:
                Status = ConversationStatus.Queued;
                VisitorId = evt.VisitorId ?? "";
                VisitorName = evt.VisitorName;
                Queue = evt.Queue ?? "";
                StartedAt = evt.At;
                break;
            case EventTypes.Assigned:
                Status = ConversationStatus.Assigned;
                OperatorId = evt.AuthorId;
                OperatorName = evt.Author;
                break;
            case EventTypes.Unassigned:
                Status = ConversationStatus.Queued;
                OperatorId = null;
                OperatorName = null;
                break;
            case EventTypes.Message when evt.From == Senders.Operator && Status == ConversationStatus.Assigned:
                Status = ConversationStatus.Active;
                break;
            case EventTypes.Closed:
                Status = ConversationStatus.Closed;
                break;
        }
    }
}
