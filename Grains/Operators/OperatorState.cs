using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Operators;

[GenerateSerializer, Alias("Switchboard.OperatorState")]
public sealed class OperatorState
{
    [Id(0)] public string Status { get; set; } = OperatorStatus.Offline;
    /// <summary>The conversations holding this operator's capacity, in the order they came.</summary>
    [Id(1)] public List<string> Conversations { get; set; } = [];
    /// <summary>When the operator last had capacity freed or came online: "longest idle" routing.</summary>
    [Id(2)] public DateTimeOffset IdleSince { get; set; }
    /// <summary>Chats this operator let go unanswered (no-answer reassignment).</summary>
    [Id(3)] public int Missed { get; set; }
    [Id(4)] public Contracts.Monitoring.DailyFigures Today { get; set; } = new();
    /// <summary>
    /// Where the ratings were kept before they got a state of their own (<see cref="OperatorRatings"/>): read so a state
    /// stored then moves them there on its next activation, empty after that.
    /// </summary>
    [Id(5)] public List<Contracts.Monitoring.RatingEntry> Ratings { get; set; } = [];
    [Id(6)] public List<Contracts.Sites.CannedResponse> Canned { get; set; } = [];
    /// <summary>What held conversations other than plain chats claim (calls), by conversation id; a chat is one seat.</summary>
    [Id(7)] public Dictionary<string, SeatClaim> Claims { get; set; } = [];
    /// <summary>When <see cref="Status"/> was last changed: the Monitor's time in status.</summary>
    [Id(8)] public DateTimeOffset? StatusSince { get; set; }
    /// <summary>The last change of the operator's time recorded (operators' time report), null before the first.</summary>
    [Id(9)] public OperatorStatusChange? LastTime { get; set; }
    /// <summary>Recorded changes not yet in the operators' time store, oldest first.</summary>
    [Id(10)] public List<OperatorStatusChange> TimeOutbox { get; set; } = [];
}
