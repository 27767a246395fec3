using Orleans.Concurrency;
using Switchboard.Contracts.Operators;

namespace Switchboard.Contracts.Queues;

/// <summary>
/// One queue (key <c>{site}/q:{queue}</c>). Non-reentrant: every assignment decision is serial.
/// Calls into the queue are one-way so a conversation or operator never waits on the queue while the
/// queue calls back into it (the rule that keeps the call graph free of deadlocks).
/// </summary>
[Alias("Switchboard.IQueueGrain")]
public interface IQueueGrain : IGrainWithStringKey
{
    [Alias("Enqueue"), OneWay]
    Task Enqueue(QueueEntry entry);

    [Alias("Withdraw"), OneWay]
    Task Withdraw(string conversationId);

    [Alias("OperatorChanged"), OneWay]
    Task OperatorChanged(OperatorAvailability availability);

    /// <summary>A chat of this queue ended: its handling and first-answer times feed the wait estimate.</summary>
    [Alias("Handled"), OneWay]
    Task Handled(TimeSpan handling, TimeSpan? answer);

    /// <summary>A chat of this queue got its first operator reply this long after it started.</summary>
    [Alias("Answered"), OneWay]
    Task Answered(TimeSpan firstResponse, string channel);

    /// <summary>A chat of this queue ended unanswered after waiting past the service-level threshold.</summary>
    [Alias("Unanswered"), OneWay]
    Task Unanswered(string channel);

    /// <summary>A chat of this queue ended without an operator for <paramref name="reason"/> (<see cref="Conversations.CloseReasons"/>).</summary>
    [Alias("Ended"), OneWay]
    Task Ended(string channel, string reason);

    [Alias("Rated"), OneWay]
    Task Rated(int score);

    /// <summary>The visitor rated the chat again: the new score replaces the one given at <paramref name="previousAt"/>.</summary>
    [Alias("Rerated"), OneWay]
    Task Rerated(int previous, DateTimeOffset previousAt, int score);

    /// <summary>A waiting visitor left a phone number to be called back.</summary>
    [Alias("Callback"), OneWay]
    Task Callback(string conversationId, string phone);

    /// <summary>
    /// May this queue take an invitation's chat now (an online operator with a free slot, and an estimate within the
    /// limit)? Counts the invitation as shown or suppressed.
    /// </summary>
    [Alias("OfferInvitation")]
    Task<bool> OfferInvitation();

    [Alias("InvitationAccepted"), OneWay]
    Task InvitationAccepted();

    [Alias("GetSnapshot")]
    Task<QueueSnapshot> GetSnapshot();

    /// <summary>
    /// How many of the queue's operators are online now, for a visitor's welcome. Every page a visitor opens says hello,
    /// so this is asked far more often than anything else here: it interleaves (it reads the roster in one turn, without
    /// waiting for a decision in progress) and copies nothing.
    /// </summary>
    [Alias("GetOnlineOperators"), AlwaysInterleave]
    Task<int> GetOnlineOperators();

    /// <summary>
    /// <see cref="Enqueue"/>, answered once the entry has been routed: by then a free operator has it, if there is one.
    /// The conversation's own enqueue is one-way and travels apart from its caller's next call, so a caller that must
    /// know (a phone call deciding between ringing an operator and its menu) hands the entry over itself; the two
    /// arrivals are one, as every enqueue is idempotent.
    /// </summary>
    [Alias("Route")]
    Task Route(QueueEntry entry);

    /// <summary>
    /// A chat about to be stored takes an operator now when nothing waits ahead of it and one has a free seat: the seat
    /// is reserved and the operator returned, so the chat stores its start and its assignment in one write, then
    /// confirms the seat (or releases it when that write fails). Null: nobody now; the chat queues once stored.
    /// </summary>
    [Alias("Claim")]
    Task<DirectAssignment?> Claim(QueueEntry entry);
}
