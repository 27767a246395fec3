using Switchboard.Contracts.Push;

namespace Switchboard.Contracts.Operators;

/// <summary>
/// One operator (key <c>{site}/o:{login}</c>): presence, capacity and current conversations. It is the
/// authority on capacity: queues only propose, and <see cref="TryReserve"/> accepts or refuses, serially.
/// </summary>
[Alias("Switchboard.IOperatorGrain")]
public interface IOperatorGrain : IGrainWithStringKey
{
    [Alias("GetSnapshot")]
    Task<OperatorSnapshot> GetSnapshot();

    /// <summary>Registers a gateway node for this operator's notices; returns the snapshot to welcome with.</summary>
    [Alias("Subscribe")]
    Task<OperatorSnapshot> Subscribe(IPushObserver subscriber);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IPushObserver subscriber);

    [Alias("SetStatus")]
    Task<OperatorSnapshot> SetStatus(string status);

    /// <summary>
    /// Takes what the conversation claims of the operator's capacity (a chat one seat; <paramref name="claim"/> for a
    /// call) if the operator is online and has room for it (<c>SeatRule</c>).
    /// </summary>
    [Alias("TryReserve")]
    Task<bool> TryReserve(string conversationId, SeatClaim? claim = null);

    /// <summary>The conversation stored the assignment: tell the operator's consoles, then store the reserved seat.</summary>
    [Alias("Confirm"), OneWay]
    Task Confirm(string conversationId);

    /// <summary>
    /// The operator's own seat audit found these seats unused (their conversations hold no chat of this operator's):
    /// free those still unused and older than the grace. Sent by the grain to itself, so the change is one serial turn.
    /// </summary>
    [Alias("FreeUnusedSeats"), OneWay]
    Task FreeUnusedSeats(IReadOnlyList<string> conversationIds);

    /// <summary>The operator let a chat go unanswered: it leaves them, a missed chat is counted, and they are set away.</summary>
    [Alias("Missed")]
    Task Missed(string conversationId);

    /// <summary>The operator's first reply in a chat came this long after the chat started.</summary>
    [Alias("Answered"), OneWay]
    Task Answered(TimeSpan firstResponse);

    [Alias("Rated"), OneWay]
    Task Rated(int score, string? comment, string conversationId);

    /// <summary>The visitor rated the chat again: the new score and comment replace the ones given at <paramref name="previousAt"/>.</summary>
    [Alias("Rerated"), OneWay]
    Task Rerated(int previous, DateTimeOffset previousAt, int score, string? comment, string conversationId);

    /// <summary>
    /// Erasure: the visitors' comments on these conversations leave the operator's list of ratings (the scores stay, as
    /// they do in every figure); stored before this returns.
    /// </summary>
    [Alias("ForgetRatingComments")]
    Task ForgetRatingComments(IReadOnlyList<string> conversationIds);

    /// <summary>The operator's most recent ratings, newest first.</summary>
    [Alias("GetRatings")]
    Task<IReadOnlyList<Monitoring.RatingEntry>> GetRatings();

    [Alias("GetCanned")]
    Task<IReadOnlyList<Sites.CannedResponse>> GetCanned();

    /// <summary>Replaces the operator's own canned responses.</summary>
    [Alias("SetCanned")]
    Task SetCanned(IReadOnlyList<Sites.CannedResponse> canned);

    /// <summary>
    /// The operator was signed out (logout, account disabled, removed or its role changed): they go offline and every
    /// console of theirs is told to close, on whichever gateway it is.
    /// </summary>
    [Alias("SignOut")]
    Task SignOut(string reason);

    /// <summary>Gives back the capacity a conversation held (closed, transferred, refused).</summary>
    [Alias("Release")]
    Task Release(string conversationId, string reason);
}
