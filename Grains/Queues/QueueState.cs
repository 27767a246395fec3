using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Queues;

[GenerateSerializer, Alias("Switchboard.QueueState")]
public sealed class QueueState
{
    /// <summary>Waiting conversations, oldest first.</summary>
    [Id(0)] public List<WaitingConversation> Waiting { get; set; } = [];
    /// <summary>The queue's last word from each operator who serves it.</summary>
    [Id(1)] public Dictionary<string, OperatorAvailability> Roster { get; set; } = [];
    /// <summary>Recent waits from enqueue to assignment, in seconds, newest last: the estimator's history.</summary>
    [Id(2)] public List<double> RecentWaits { get; set; } = [];
}
