using Switchboard.Contracts.Conversations;

namespace Switchboard.Contracts.Push;

/// <summary>
/// One per gateway node (the GPSTracker pattern): grains push to the nodes whose sockets care,
/// and the node fans out to its local sockets. Calls are one-way so a slow node never holds a grain;
/// a lost push is repaired by the socket's sequence cursor, which fetches any gap from the conversation.
/// </summary>
[Alias("Switchboard.IPushObserver")]
public interface IPushObserver : IGrainObserver
{
    [Alias("OnEvent"), OneWay]
    Task OnEvent(string conversationKey, ConversationEvent evt);

    [Alias("OnSignal"), OneWay]
    Task OnSignal(ConversationSignal signal);

    [Alias("OnOperatorNotice"), OneWay]
    Task OnOperatorNotice(OperatorNotice notice);

    [Alias("OnVisitorNotice"), OneWay]
    Task OnVisitorNotice(VisitorNotice notice);
}
