using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Contracts.Visitors;

/// <summary>A browsing visitor (key <c>{site}/v:{id}</c>): who they are and their open conversation.</summary>
[Alias("Switchboard.IVisitorGrain")]
public interface IVisitorGrain : IGrainWithStringKey
{
    [Alias("Hello")]
    Task<VisitorSnapshot> Hello(VisitorHello hello);

    /// <summary>Starts a chat, or returns the open one when the same start is retried.</summary>
    [Alias("StartChat")]
    Task<AppendResult> StartChat(StartChatRequest request, IPushObserver? subscriber);

    /// <summary>The page the visitor is on now (routing rules may look at it).</summary>
    [Alias("Page"), OneWay]
    Task Page(string url);

    /// <summary>An operator took this visitor's chat: remembered for sticky routing.</summary>
    [Alias("Served"), OneWay]
    Task Served(string operatorId);

    [Alias("ConversationClosed"), OneWay]
    Task ConversationClosed(string conversationId);
}
