using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Gateway.Sockets;

/// <summary>A live socket as the node's push hub sees it. Calls must not block: they only queue frames.</summary>
public interface ISocketSession
{
    void OnEvent(string conversationKey, ConversationEvent evt);

    void OnSignal(ConversationSignal signal);

    void OnNotice(OperatorNotice notice);
}
