using Switchboard.Contracts.Conversations;

namespace Switchboard.Grains.Storage;

/// <summary>One event as the log's feed hands it out: where it stands in the global order and whose it is.</summary>
public sealed record LoggedEvent(EventLogPosition Position, string ConversationKey, ConversationEvent Event);
