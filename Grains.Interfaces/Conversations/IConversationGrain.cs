using Orleans.Concurrency;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;

namespace Switchboard.Contracts.Conversations;

/// <summary>
/// The single writer of one conversation (key <c>{site}/c:{id}</c>): its state machine and its
/// append-only event log. Every method that takes an <see cref="Actor"/> authorizes it.
/// </summary>
[Alias("Switchboard.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Starts the conversation (idempotent by the start's client id) and puts it in its queue.</summary>
    [Alias("Start")]
    Task<AppendResult> Start(StartConversation start, IPushObserver? subscriber);

    /// <summary>
    /// Appends a message (text, files or both) from the visitor or the assigned operator; a retried client id returns
    /// the original seq. An operator's message to a messenger conversation is then delivered through its channel.
    /// </summary>
    [Alias("Send")]
    Task<AppendResult> Send(Actor actor, MessageDraft message);

    /// <summary>The channel's outcome for operator message <paramref name="messageId"/>: a <c>delivery</c> event when it changed.</summary>
    [Alias("ReportDelivery")]
    Task ReportDelivery(string messageId, string status, string? error);

    /// <summary>The phone adapter reports a change of the call behind this conversation; a redelivered event is stored once.</summary>
    [Alias("RecordCall")]
    Task<AppendResult> RecordCall(CallUpdate update);

    /// <summary>An internal note of an operator or supervisor of the site: never shown to the visitor.</summary>
    [Alias("AddNote")]
    Task<AppendResult> AddNote(Actor actor, string clientId, string text);

    /// <summary>
    /// The operator a call rings for turns it down: it goes back to the queue, never to them again, their seat freed
    /// (they are not set away: declining is an answer), and the call moves on.
    /// </summary>
    [Alias("DeclineCall")]
    Task DeclineCall(Actor actor);

    /// <summary>Called by the queue: gives the conversation to an operator who has already reserved capacity for it.</summary>
    [Alias("Assign")]
    Task<bool> Assign(string operatorId, string operatorName, string reason);

    /// <summary>Hands the chat to another operator or queue (its operator, or a supervisor of the site), with an internal note.</summary>
    [Alias("Transfer")]
    Task<AppendResult> Transfer(Actor actor, string? toOperator, string? toQueue, string? note);

    /// <summary>The visitor asks to be called back; the phone goes to the operators with the waiting chat.</summary>
    [Alias("RequestCallback")]
    Task<AppendResult> RequestCallback(Actor actor, string clientId, string phone);

    /// <summary>Called by the queue: the chat overflows for <paramref name="reason"/>; the visitor gets an honest automatic reply.</summary>
    [Alias("Overflow"), OneWay]
    Task Overflow(string reason, int? etaSeconds);

    /// <summary>Closes the chat; an operator may tag it with topics from the site's list.</summary>
    [Alias("Close")]
    Task<AppendResult> Close(Actor actor, IReadOnlyList<string>? tags = null);

    [Alias("Rate")]
    Task<AppendResult> Rate(Actor actor, int score, string? comment);

    /// <summary>Events with seq greater than <paramref name="afterSeq"/>, in order, at most <paramref name="max"/>.</summary>
    [Alias("GetEvents")]
    Task<IReadOnlyList<ConversationEvent>> GetEvents(Actor actor, long afterSeq, int max);

    [Alias("GetSnapshot")]
    Task<ConversationSnapshot> GetSnapshot(Actor actor);

    /// <summary>
    /// What the chat hands its queue while it waits for an operator (as its reminders do), or null when it is not
    /// waiting: for a caller that must see it routed (<see cref="IQueueGrain.Route"/>).
    /// </summary>
    [Alias("GetQueueEntry")]
    Task<QueueEntry?> GetQueueEntry();

    /// <summary>
    /// The login of the operator the chat is assigned to now, or null. Operator grains ask it to free seats that no
    /// chat uses any more; it answers at once, even while the conversation is busy (it may be waiting on that operator).
    /// </summary>
    [Alias("GetHolder"), AlwaysInterleave]
    Task<string?> GetHolder();

    /// <summary>Registers a gateway node's observer for this conversation's pushes; returns the snapshot to resume from.</summary>
    [Alias("Subscribe")]
    Task<ConversationSnapshot> Subscribe(Actor actor, IPushObserver subscriber);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IPushObserver subscriber);

    [Alias("VisitorTyping"), OneWay]
    Task VisitorTyping(Actor actor, string draft);

    /// <summary>The visitor moved to another page or changed their cart: their operator sees it live.</summary>
    [Alias("VisitorUpdate"), OneWay]
    Task VisitorUpdate(Invitations.PageView? page, Invitations.Cart? cart);

    [Alias("OperatorTyping"), OneWay]
    Task OperatorTyping(Actor actor);

    /// <summary>
    /// A co-browsing frame of the chat's visitor or operator (<paramref name="action"/> as in CoBrowseActions), passed
    /// to the other side when the consent so far allows it, never stored; refused with <c>bad_request</c> otherwise.
    /// </summary>
    [Alias("CoBrowse")]
    Task CoBrowse(Actor actor, string action, byte[] frame);

    /// <summary>
    /// The web visitor's last page with the widget closed (<paramref name="present"/> false), or one opened again. A chat
    /// still waiting when they have been gone for the queue's inactivity limit closes as abandoned.
    /// </summary>
    [Alias("VisitorPresence")]
    Task VisitorPresence(bool present);

    /// <summary>Called by the queue whenever the position or estimate changes.</summary>
    [Alias("Queued"), OneWay]
    Task Queued(QueuePosition position);

    /// <summary>
    /// Erases the conversation's personal data (a customer's erasure): its key is destroyed, so the log and its backups
    /// read "[erased]" in place of texts, names, phones and files; the activation forgets what it held.
    /// </summary>
    [Alias("Erase")]
    Task Erase();
}
