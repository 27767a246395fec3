using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Switchboard.Contracts.Webhooks;
using Switchboard.Grains.Webhooks;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// The webhook outboxes' port, answered by the test: it records every attempt and answers with the outcomes the test
/// queued (delivered, when none is queued). While <see cref="Hold"/> is set, attempts wait for it: a hung endpoint.
/// The HTTP sender itself is tested over the wire against a local receiver.
/// </summary>
public sealed class ScriptedWebhooks : IWebhookSender
{
    /// <summary>Per site: earlier tests' chats keep producing deliveries (timers on the shared clock), which must not take another test's outcomes.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentQueue<WebhookOutcome>> _outcomes = new();
    private readonly Channel<Attempt> _attempts = Channel.CreateUnbounded<Attempt>();
    private readonly List<Attempt> _passedOver = [];

    /// <summary>Set by a test to make every attempt hang until it is completed.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public void Answer(string site, WebhookOutcome outcome) => _outcomes.GetOrAdd(site, _ => new()).Enqueue(outcome);

    public async Task<WebhookOutcome> SendAsync(WebhookEndpoint endpoint, WebhookNotice notice, string deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(endpoint, notice, deliveryId, JsonDocument.Parse(body).RootElement.Clone());
        _attempts.Writer.TryWrite(attempt);
        if (Hold is { } hold)
        {
            await hold.Task;
        }
        return _outcomes.TryGetValue(attempt.Site, out var queued) && queued.TryDequeue(out var outcome) ? outcome : WebhookOutcome.Ok(204);
    }

    /// <summary>
    /// The first attempt for <paramref name="site"/> matching <paramref name="match"/>; fails saying what was expected.
    /// An outbox sends several deliveries at once, so they arrive in any order: attempts passed over are kept for later calls.
    /// </summary>
    public async Task<Attempt> Next(string site, Func<Attempt, bool> match, string expected)
    {
        lock (_passedOver)
        {
            if (_passedOver.FirstOrDefault(a => a.Site == site && match(a)) is { } earlier)
            {
                _passedOver.Remove(earlier);
                return earlier;
            }
        }
        using var timeout = new CancellationTokenSource(Waits.Signal);
        try
        {
            while (true)
            {
                var attempt = await _attempts.Reader.ReadAsync(timeout.Token);
                if (attempt.Site == site && match(attempt))
                {
                    return attempt;
                }
                lock (_passedOver)
                {
                    _passedOver.Add(attempt);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected} within {Waits.Signal}.");
        }
    }

    /// <summary>True when nothing more was attempted for <paramref name="site"/> in a short while.</summary>
    public async Task<bool> NothingMore(string site)
    {
        using var quiet = new CancellationTokenSource(Waits.Absence);
        try
        {
            while (true)
            {
                if ((await _attempts.Reader.ReadAsync(quiet.Token)).Site == site)
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

    public sealed record Attempt(WebhookEndpoint Endpoint, WebhookNotice Notice, string DeliveryId, JsonElement Body)
    {
        public string Site => Body.GetProperty("site").GetString()!;
        public string Event => Notice.Event;
    }
}
