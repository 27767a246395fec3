namespace Switchboard.Gateway.Contacts;

/// <summary>Where a returning contact left off: the conversation, and the last event it has.</summary>
public sealed record ConversationCursor(string ConversationId, long LastSeq);
