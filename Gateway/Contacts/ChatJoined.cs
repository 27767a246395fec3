using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Contacts;

/// <summary>A contact's chat was started or joined: the conversation to follow, and the append to acknowledge.</summary>
public sealed record ChatJoined(string ConversationKey, AppendResult Result);
