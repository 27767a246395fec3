using System.Collections.Concurrent;
using System.Threading.Channels;
using Switchboard.Contracts.Channels;
using Switchboard.Grains.Channels;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// The outbox's port, answered by the test: it records every send and answers with the outcomes the test queued
/// (sent, when none is queued). The platform clients themselves are tested over the wire against local fakes.
/// </summary>
public sealed class ScriptedSender(string channel) : IChannelSender
{
    private readonly ConcurrentQueue<SendOutcome> _outcomes = new();
    private readonly Channel<(string Site, string ContactId, OutboundMessage Message)> _sends =
        System.Threading.Channels.Channel.CreateUnbounded<(string, string, OutboundMessage)>();

    public string Channel => channel;

    /// <summary>Queues the outcome of a coming send, e.g. <see cref="SendOutcome.Throttled"/>.</summary>
    public void Answer(SendOutcome outcome) => _outcomes.Enqueue(outcome);

    public Task<SendOutcome> SendAsync(string site, string contactId, OutboundMessage message, CancellationToken cancellationToken)
    {
        _sends.Writer.TryWrite((site, contactId, message));
        return Task.FromResult(_outcomes.TryDequeue(out var outcome) ? outcome : SendOutcome.Sent());
    }

    /// <summary>The next send to <paramref name="site"/> matching <paramref name="match"/>; fails saying what was expected.</summary>
    public async Task<(string ContactId, OutboundMessage Message)> Next(string site, Func<OutboundMessage, bool> match, string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        try
        {
            while (true)
            {
                var (toSite, contactId, message) = await _sends.Reader.ReadAsync(timeout.Token);
                if (toSite == site && match(message))
                {
                    return (contactId, message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected} to be sent within {Waits.Signal}.");
        }
    }

    /// <summary>True when nothing more was sent to <paramref name="site"/> in a short while.</summary>
    public async Task<bool> NothingMore(string site)
    {
        using var quiet = new CancellationTokenSource(Waits.Absence);
        try
        {
            while (true)
            {
                if ((await _sends.Reader.ReadAsync(quiet.Token)).Site == site)
                {
                    return false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
