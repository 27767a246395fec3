namespace Switchboard.Domain.Monitoring;

/// <summary>What a supervisor sees: every figure of the site now, and the alerts they raise.</summary>
public sealed record MonitorSnapshot(
    DateTimeOffset At,
    IReadOnlyList<MonitorSnapshot.OperatorRow> Operators,
    IReadOnlyList<MonitorSnapshot.QueueRow> Queues,
    double? ServiceLevel,
    double? Csat,
    double? AverageFirstResponse,
    IReadOnlyList<MonitorSnapshot.ChatRow> Waiting,
    IReadOnlyList<MonitorSnapshot.ChatRow> Active,
    IReadOnlyList<Alert> Alerts)
{
    /// <summary>Waiting chats and service level per channel (web, messengers, phone), across the site's queues.</summary>
    public IReadOnlyList<ChannelRow> Channels { get; init; } = [];

    /// <summary>Phone calls per queue, beside the chat figures (docs/channels-phone.md, "Supervisor figures").</summary>
    public IReadOnlyList<Contracts.Calls.CallFigures> Calls { get; init; } = [];

    public sealed record ChannelRow(string Channel, int Waiting, int? LongestWaitSeconds, double? ServiceLevel);

    public sealed record OperatorRow(string Id, string Name, string Status, int Chats, int Capacity, int MissedToday,
        double? AverageFirstResponse, double? AverageRating, IReadOnlyList<string> Queues)
    {
        /// <summary>Since when they have had <see cref="Status"/>: the Monitor counts the time in status up from it by itself.</summary>
        public DateTimeOffset? StatusSince { get; init; }
    }

    public sealed record QueueRow(string Id, string Name, int Waiting, int? LongestWaitSeconds, int? EtaSeconds, double? ServiceLevel,
        double? Csat, int OnlineOperators);

    public sealed record ChatRow(string ConversationId, string? Queue, string? Operator, int? WaitingSeconds, string? Phone)
    {
        public string? Channel { get; init; }
        /// <summary>The visitor, as the console's chat list names them: their name when they gave one, else their id.</summary>
        public string? VisitorId { get; init; }
        public string? VisitorName { get; init; }
    }
}
