namespace Switchboard.Contracts.Conversations;

/// <summary>Shorthands over <see cref="IConversationGrain"/> for the common case: a message of text only.</summary>
public static class ConversationGrainExtensions
{
    public static Task<AppendResult> Post(
        this IConversationGrain conversation, Actor actor, string clientId, string text, IReadOnlyList<string>? quickReplies = null) =>
        conversation.Send(actor, new MessageDraft(clientId, text) { QuickReplies = quickReplies });
}
