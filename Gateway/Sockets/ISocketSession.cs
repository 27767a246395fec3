using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// A live socket's session: it handles the client's frames one at a time, and takes the node's pushes
/// (those calls must not block: they only queue frames).
/// </summary>
public interface ISocketSession
{
    Task HandleAsync(InboundFrame frame);

    /// <summary>The socket closed: stop following everything it followed.</summary>
    void End();

    void OnEvent(string conversationKey, ConversationEvent evt);

    void OnSignal(ConversationSignal signal);

    void OnNotice(OperatorNotice notice);

    void OnVisitorNotice(VisitorNotice notice);
}
