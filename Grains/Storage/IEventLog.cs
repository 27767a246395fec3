using Switchboard.Contracts.Conversations;

namespace Switchboard.Grains.Storage;

/// <summary>
/// The conversation event log: append-only, unique on (conversation, seq). An append completes only
/// once the events are durable; implementations batch appends from many conversations into one write.
/// </summary>
public interface IEventLog
{
    /// <summary>Appends events of one conversation atomically; throws <see cref="EventLogConflictException"/> when a seq exists.</summary>
    Task AppendAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Events with seq greater than <paramref name="afterSeq"/>, in order: the first <paramref name="limit"/> of them.</summary>
    Task<IReadOnlyList<ConversationEvent>> ReadAsync(
        string conversationKey, long afterSeq, int limit = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>True when the log can be read and written now (readiness).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
