namespace Switchboard.Gateway.Channels;

/// <summary>Delivers queued messenger messages to the core one by one; a failure is logged without the message's content.</summary>
public sealed partial class InboundDrain(InboundQueue queue, ChannelInbox inbox, ILogger<InboundDrain> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await inbox.DeliverAsync(message);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogDeliveryFailed(message.Site, message.Channel, message.PlatformMessageId, error);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A {Channel} message {MessageId} for site {Site} could not be delivered.")]
    private partial void LogDeliveryFailed(string site, string channel, string messageId, Exception error);
}
