using System.Threading.Channels;
using Switchboard.Contracts;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// Delivers queued messenger messages to the core in lanes: each person's messages (by site, channel and platform
/// user) go through one lane in order, and the lanes run side by side, so one person's slow delivery or retries hold
/// back only the people who share their lane, not the whole node. The platform was already answered, so a failure that
/// may pass (the cluster busy or a silo moving) is tried again a few times, which the message's client id makes
/// harmless; a refusal, or a failure that outlasts the retries, is logged without the message's content. A full lane
/// stops the intake, which fills the node's queue, whose webhooks then answer 503.
/// </summary>
public sealed partial class InboundDrain(InboundQueue queue, ChannelInbox inbox, TimeProvider clock, ILogger<InboundDrain> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    public const int Lanes = 16;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private const int LaneCapacity = InboundQueue.Capacity / Lanes;

    /// <summary>The lane a person's messages take on this node (string hashes differ between processes; lanes need not).</summary>
    public static int LaneOf(string site, string channel, string userId) =>
        (int)((uint)HashCode.Combine(site, channel, userId) % Lanes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = Enumerable.Range(0, Lanes)
            .Select(_ => Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var workers = lanes.Select(lane => DrainLaneAsync(lane.Reader, stoppingToken)).ToArray();
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await lanes[LaneOf(message.Site, message.Channel, message.UserId)].Writer.WriteAsync(message, stoppingToken);
            }
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Writer.TryComplete();
            }
            await Task.WhenAll(workers);
        }
    }

    private async Task DrainLaneAsync(ChannelReader<InboundMessage> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in lane.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    private async Task DeliverAsync(InboundMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await inbox.DeliverAsync(message);
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt == MaxAttempts || error is SwitchboardException { Code: not ErrorCodes.Unavailable })
                {
                    LogDeliveryFailed(message.Site, message.Channel, message.PlatformMessageId, attempt, error);
                    return;
                }
                await Task.Delay(FirstRetry * (1 << (attempt - 1)), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A {Channel} message {MessageId} for site {Site} could not be delivered after {Attempts} attempt(s).")]
    private partial void LogDeliveryFailed(string site, string channel, string messageId, int attempts, Exception error);
}
