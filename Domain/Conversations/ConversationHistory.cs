using System.IO.Hashing;
using System.Runtime.InteropServices;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Conversations;

/// <summary>
/// A conversation folded from its event log: the client ids already stored, and the state machine (new → queued →
/// assigned → active → closed). It keeps no events: the log holds them, and reads come from it. An event kept in
/// memory outlives the collections that follow its append, and the kept history was most of what each gen0 collection
/// of a busy gateway had to copy (docs/benchmarks.md, 2026-12-07). For the same reason it keeps its client ids as
/// 64-bit hashes, not as the strings: every message's id would otherwise outlive the collections after it, and a long
/// chat's map of them would hold every id it ever stored. Plain code, no grain.
/// </summary>
public sealed class ConversationHistory
{
    private readonly Dictionary<ulong, long> _clientIds = [];

    public long LastSeq { get; private set; }
    public bool Exists => LastSeq > 0;
    /// <summary>True once the visitor rated the chat (they may rate again; the latest rating is the one counted).</summary>
    public bool Rated => Rating is not null;
    /// <summary>The visitor's latest score, and when they gave it.</summary>
    public int? Rating { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public string Status { get; private set; } = ConversationStatus.New;
    public string VisitorId { get; private set; } = "";
    public string? VisitorName { get; private set; }
    public string Queue { get; private set; } = "";
    /// <summary>Where the conversation takes place (<see cref="ChannelNames"/>).</summary>
    public string Channel { get; private set; } = ChannelNames.Web;
    /// <summary>The person's address on a messenger or the phone; null on the web.</summary>
    public string? ContactId { get; private set; }
    public string? OperatorId { get; private set; }
    public string? OperatorName { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public string? Language { get; private set; }
    public IReadOnlyDictionary<string, string>? Form { get; private set; }
    public string? Phone { get; private set; }
    public int Priority { get; private set; }
    /// <summary>The seq of the event that last put the chat in a queue: tells a fresh enqueue from a late reminder of an old one.</summary>
    public long QueuedAtSeq { get; private set; }
    /// <summary>When the chat last joined a queue: where assignment latency is measured from.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When the current operator got the chat; null when nobody has it.</summary>
    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>True when the current assignment is to the visitor's last operator (sticky routing).</summary>
    public bool StickyAssignment { get; private set; }
    /// <summary>The visitor's latest message that no operator message has followed yet.</summary>
    public DateTimeOffset? AwaitingReplySince { get; private set; }
    public int HoldsSent { get; private set; }
    public DateTimeOffset? LastHoldAt { get; private set; }
    /// <summary>The visitor's latest message: on WhatsApp, the start of the 24-hour window for free text.</summary>
    public DateTimeOffset? CustomerWroteAt { get; private set; }
    /// <summary>The latest message from the visitor or an operator (not the system).</summary>
    public DateTimeOffset LastActivityAt { get; private set; }
    /// <summary>When the first operator answer came, for the queue's answer-time figures.</summary>
    public DateTimeOffset? FirstAnswerAt { get; private set; }
    /// <summary>Set by an automatic overflow reply while waiting: hold messages would then say something untrue.</summary>
    public string? OverflowReason { get; private set; }
    /// <summary>A phone conversation's call whose caller is on the line and that no operator has taken yet.</summary>
    public string? WaitingCallId { get; private set; }
    /// <summary>An operator is talking to the caller: the chat is not idle however long no message comes.</summary>
    public bool CallInProgress => ConnectedCallId is not null;
    /// <summary>The call an operator took and is talking on, until it ends: a transfer moves it on the PBX.</summary>
    public string? ConnectedCallId { get; private set; }
    /// <summary>The help-while-waiting bot answered a question of the visitor (its greeting does not count).</summary>
    public bool BotHelped { get; private set; }
    /// <summary>The visitor asked the bot for a person: it says nothing more.</summary>
    public bool PersonRequested { get; private set; }
    /// <summary>The bot asked for an order number and has not looked one up since.</summary>
    public bool AwaitingOrderNumber { get; private set; }
    /// <summary>Operators who let this chat go unanswered or declined its call: it is not offered to them again.</summary>
    public IReadOnlySet<string> MissedBy => _missedBy;

    private readonly HashSet<string> _missedBy = new(StringComparer.Ordinal);

    /// <summary>The latest delivery status of a relayed message, or null when none came back yet.</summary>
    public string? DeliveryOf(string messageId) => _deliveries.GetValueOrDefault(messageId);

    private readonly Dictionary<string, string> _deliveries = new(StringComparer.Ordinal);

    /// <summary>
    /// The seq of the stored event whose client id hashes as <paramref name="clientId"/> does, if there is one: that is
    /// the send of this id, but for another id of the same 64-bit hash, so the caller reads that event to be sure
    /// (ConversationGrain's <c>StoredSeqOf</c>). A retry is rare; the read is paid only then.
    /// </summary>
    public long? CandidateSeqOf(string clientId) => _clientIds.TryGetValue(Hash(clientId), out var seq) ? seq : null;

    private static ulong Hash(string clientId) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(clientId.AsSpan()));

    public void Apply(ConversationEvent evt)
    {
        if (evt.Seq != LastSeq + 1)
        {
            throw new InvalidOperationException($"Event {evt.Seq} does not follow {LastSeq}: the log has a gap.");
        }
        LastSeq = evt.Seq;
        if (evt.ClientId is { } clientId)
        {
            _clientIds.TryAdd(Hash(clientId), evt.Seq);
        }
        switch (evt.Type)
        {
            case EventTypes.Started:
                Status = ConversationStatus.Queued;
                VisitorId = evt.VisitorId ?? "";
                VisitorName = evt.VisitorName;
                Queue = evt.Queue ?? "";
                Channel = ChannelNames.OrWeb(evt.Channel);
                ContactId = evt.ContactId;
                StartedAt = LastActivityAt = evt.At;
                Language = evt.Language;
                Form = evt.Form;
                Priority = evt.Priority ?? 0;
                QueuedAtSeq = evt.Seq;
                QueuedAt = evt.At;
                break;
            case EventTypes.Assigned:
                Status = ConversationStatus.Assigned;
                OperatorId = evt.AuthorId;
                OperatorName = evt.Author;
                AssignedAt = evt.At;
                StickyAssignment = evt.Reason == AssignmentReasons.Sticky;
                OverflowReason = null;
                break;
            case EventTypes.Unassigned:
                if (evt.Reason is UnassignReasons.NoAnswer or UnassignReasons.Declined && evt.AuthorId is { } missedBy)
                {
                    _missedBy.Add(missedBy);
                }
                Requeue(evt);
                break;
            case EventTypes.Transferred when evt.TargetOperatorId is null:
                Queue = evt.Queue ?? Queue;
                Requeue(evt);
                break;
            case EventTypes.Message:
                ApplyMessage(evt);
                break;
            case EventTypes.Callback:
                Phone = evt.Phone;
                break;
            case EventTypes.Call:
                ApplyCall(evt);
                break;
            case EventTypes.Delivery when evt.MessageId is { } messageId && evt.Status is { } status:
                _deliveries[messageId] = status;
                break;
            case EventTypes.Rated:
                Rating = evt.Score;
                RatedAt = evt.At;
                break;
            case EventTypes.Closed:
                Status = ConversationStatus.Closed;
                AwaitingReplySince = null;
                break;
        }
    }

    private void ApplyMessage(ConversationEvent evt)
    {
        switch (evt.From)
        {
            case Senders.Visitor:
                // Each unanswered visitor message starts the hold schedule and the no-answer clock afresh.
                AwaitingReplySince = evt.At;
                HoldsSent = 0;
                LastHoldAt = null;
                LastActivityAt = evt.At;
                CustomerWroteAt = evt.At;
                break;
            case Senders.Operator:
                AwaitingReplySince = null;
                LastActivityAt = evt.At;
                FirstAnswerAt ??= evt.At;
                if (Status == ConversationStatus.Assigned)
                {
                    Status = ConversationStatus.Active;
                }
                break;
            case Senders.System when evt.Kind == MessageKinds.Hold:
                HoldsSent++;
                LastHoldAt = evt.At;
                break;
            case Senders.System when evt.Kind == MessageKinds.Auto:
                OverflowReason = evt.Reason;
                break;
            case Senders.System when evt.Kind == MessageKinds.Bot:
                BotHelped |= evt.Reason is not (Help.BotReasons.Greeting or Help.BotReasons.Person);
                PersonRequested |= evt.Reason == Help.BotReasons.Person;
                AwaitingOrderNumber = evt.Reason == Help.BotReasons.AskOrderNumber;
                break;
        }
    }

    /// <summary>A call taken by an operator answers the conversation as a first reply would; its end is the latest activity.</summary>
    private void ApplyCall(ConversationEvent evt)
    {
        switch (evt.Status)
        {
            case CallStates.Offered:
                WaitingCallId = evt.CallId;
                break;
            case CallStates.Answered when evt.AuthorId is not null:
                WaitingCallId = null;
                ConnectedCallId = evt.CallId;
                AwaitingReplySince = null;
                LastActivityAt = evt.At;
                FirstAnswerAt ??= evt.At;
                if (Status == ConversationStatus.Assigned)
                {
                    Status = ConversationStatus.Active;
                }
                break;
            case CallStates.Ended:
                WaitingCallId = evt.CallId == WaitingCallId ? null : WaitingCallId;
                ConnectedCallId = null;
                LastActivityAt = evt.At;
                break;
        }
    }

    private void Requeue(ConversationEvent evt)
    {
        Status = ConversationStatus.Queued;
        QueuedAtSeq = evt.Seq;
        QueuedAt = evt.At;
        OperatorId = null;
        OperatorName = null;
        AssignedAt = null;
        StickyAssignment = false;
    }
}
