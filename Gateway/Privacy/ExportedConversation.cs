using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Privacy;

/// <summary>One conversation in a customer's export: its id and every event, as the log holds it.</summary>
public sealed record ExportedConversation(string Id, IReadOnlyList<ConversationEvent> Events);
