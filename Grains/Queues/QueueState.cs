using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Queues;

[GenerateSerializer, Alias("Switchboard.QueueState")]
public sealed class QueueState
{
    /// <summary>Waiting conversations, oldest first (a chat sent back keeps its age, so it goes ahead of newer ones).</summary>
    [Id(0)] public List<WaitingConversation> Waiting { get; set; } = [];
    /// <summary>The queue's last word from each operator who serves it.</summary>
    [Id(1)] public Dictionary<string, OperatorAvailability> Roster { get; set; } = [];
    /// <summary>Recent handling times (assignment to close) in seconds, newest last.</summary>
    [Id(2)] public List<double> RecentHandling { get; set; } = [];
    /// <summary>Recent answer times (assignment to the operator's first reply) in seconds, newest last.</summary>
    [Id(3)] public List<double> RecentAnswers { get; set; } = [];
    [Id(4)] public long InvitationsShown { get; set; }
    [Id(5)] public long InvitationsSuppressed { get; set; }
    [Id(6)] public long InvitationsAccepted { get; set; }
    [Id(7)] public Contracts.Monitoring.DailyFigures Today { get; set; } = new();
}
