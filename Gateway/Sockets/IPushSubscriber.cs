using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// Whatever takes this node's pushes for what it follows: a socket session today, a messenger relay next.
/// The calls come from the push path and must not block: they only queue work.
/// </summary>
public interface IPushSubscriber
{
    void OnEvent(string conversationKey, ConversationEvent evt);

    void OnSignal(ConversationSignal signal);

    void OnNotice(OperatorNotice notice);

    void OnVisitorNotice(VisitorNotice notice);
}
