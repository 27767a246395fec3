using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Sockets;

/// <summary>Reads a conversation's events after a sequence, as the socket's owner is allowed to.</summary>
public delegate Task<IReadOnlyList<ConversationEvent>> EventSource(string conversationKey, long afterSeq);
