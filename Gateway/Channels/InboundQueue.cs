using System.Threading.Channels;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// This node's bounded queue between webhooks and the core: a webhook answers as soon as its messages are queued.
/// When it is full the webhook answers 503 and the platform redelivers later, which the client ids make harmless.
/// </summary>
public sealed class InboundQueue
{
    public const int Capacity = 10_000;

    private readonly Channel<InboundMessage> _queue = Channel.CreateBounded<InboundMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(IReadOnlyList<InboundMessage> messages) => messages.All(_queue.Writer.TryWrite);

    public ChannelReader<InboundMessage> Reader => _queue.Reader;
}
