using Switchboard.Contracts;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// Delivers queued messenger messages to the core one by one, in order. The platform was already answered, so a
/// failure that may pass (the cluster busy or a silo moving) is tried again a few times, which the message's client id
/// makes harmless; a refusal, or a failure that outlasts the retries, is logged without the message's content.
/// </summary>
public sealed partial class InboundDrain(InboundQueue queue, ChannelInbox inbox, TimeProvider clock, ILogger<InboundDrain> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await inbox.DeliverAsync(message);
                    break;
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    if (attempt == MaxAttempts || error is SwitchboardException { Code: not ErrorCodes.Unavailable })
                    {
                        LogDeliveryFailed(message.Site, message.Channel, message.PlatformMessageId, attempt, error);
                        break;
                    }
                    await Task.Delay(FirstRetry * (1 << (attempt - 1)), clock, stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A {Channel} message {MessageId} for site {Site} could not be delivered after {Attempts} attempt(s).")]
    private partial void LogDeliveryFailed(string site, string channel, string messageId, int attempts, Exception error);
}
