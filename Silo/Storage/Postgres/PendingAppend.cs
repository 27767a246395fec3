using Switchboard.Contracts.Conversations;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>One conversation's append waiting for the next group commit, and the promise that it is durable.</summary>
internal sealed class PendingAppend(string conversationKey, string site, IReadOnlyList<ConversationEvent> events, StoredEvent[] stored)
{
    public string ConversationKey { get; } = conversationKey;
    public string Site { get; } = site;
    public IReadOnlyList<ConversationEvent> Events { get; } = events;
    public StoredEvent[] Stored { get; } = stored;

    // Continuations must not run on the writer's loop, or one slow caller would stall every batch.
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
