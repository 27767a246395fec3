using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Contracts.Visitors;

/// <summary>A browsing visitor (key <c>{site}/v:{id}</c>): who they are and their open conversation.</summary>
[Alias("Switchboard.IVisitorGrain")]
public interface IVisitorGrain : IGrainWithStringKey
{
    [Alias("Hello")]
    Task<VisitorSnapshot> Hello(VerifiedIdentity? identity);

    /// <summary>Starts a chat, or returns the open one when the same start is retried.</summary>
    [Alias("StartChat")]
    Task<AppendResult> StartChat(string clientId, string? queue, string? text, IPushObserver? subscriber);

    [Alias("ConversationClosed"), OneWay]
    Task ConversationClosed(string conversationId);
}
