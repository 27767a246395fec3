using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Webhooks;

/// <summary>
/// The durable webhook outbox of one conversation or one customer. A conversation only says how far its log goes
/// (one-way, after its own durable append); the outbox reads the events it has not seen from the log, stores a
/// delivery per subscribed endpoint, and sends outside its turn, so neither a chat nor this grain waits on a slow
/// endpoint. Failures are retried with exponential backoff for a day. A reminder brings the outbox back on another
/// silo while anything is pending. A silo that dies after an endpoint took a delivery but before its outcome was
/// stored sends it again with the same id, which receivers use to ignore the repeat.
/// </summary>
public sealed class WebhookOutboxGrain(
    [PersistentState(StorageNames.WebhookOutboxState, StorageNames.Provider)] IPersistentState<WebhookOutboxState> state,
    IEventLog log,
    IWebhookSender sender,
    TimeProvider clock,
    ILogger<WebhookOutboxGrain> logger)
    : Grain, IWebhookOutboxGrain, IRemindable
{
    public const string PendingReminder = "webhooks";
    public const int KeptDone = 200;
    /// <summary>Endpoints of one outbox tried at once; a conversation has few events in flight.</summary>
    public const int MaxInFlight = 4;
    /// <summary>An attempt that has not come back by then (its silo died mid-send) is taken as lost.</summary>
    public static readonly TimeSpan AttemptLost = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, DateTimeOffset> _inFlight = new(StringComparer.Ordinal);
    private string _site = "";
    private string _key = "";
    private string? _conversationKey;
    private WebhookEndpointsCache _endpoints = null!;
    private IGrainTimer? _timer;
    private KeptReminder _reminder = null!;

    private WebhookOutboxState Box => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        var (site, source) = GrainKeys.Parse(_key);
        _site = site;
        _conversationKey = source.StartsWith("c-", StringComparison.Ordinal) ? GrainKeys.Conversation(site, source[2..]) : null;
        _endpoints = new WebhookEndpointsCache(GrainFactory, site, clock);
        _reminder = await KeptReminder.LoadAsync(this, PendingReminder);
        await Schedule();
    }

    public async Task Publish(long throughSeq)
    {
        if (_conversationKey is null || throughSeq <= Box.ThroughSeq)
        {
            return;
        }
        var events = await log.ReadAsync(_conversationKey, Box.ThroughSeq);
        var conversationId = GrainKeys.Parse(_conversationKey).Id;
        var added = new List<PendingDelivery>();
        foreach (var evt in events)
        {
            if (WebhookNotices.Of(conversationId, evt) is { } notice)
            {
                added.AddRange(await Deliveries(notice));
            }
        }
        Box.ThroughSeq = events.Count > 0 ? events[^1].Seq : Box.ThroughSeq;
        await Store(added);
    }

    public async Task Enqueue(WebhookNotice notice)
    {
        await Store((await Deliveries(notice)).ToList());
    }

    public async Task<bool> Replay(string deliveryId)
    {
        if (Box.Pending.FirstOrDefault(p => p.Id == deliveryId) is { } pending)
        {
            pending.NotBefore = clock.GetUtcNow();
        }
        else if (Box.Done.FirstOrDefault(d => d.Id == deliveryId) is { } done)
        {
            Box.Done.Remove(done);
            done.Status = WebhookDeliveryStatus.Pending;
            done.CreatedAt = done.NotBefore = clock.GetUtcNow();
            Box.Pending.Add(done);
        }
        else
        {
            return false;
        }
        await state.WriteStateAsync();
        await Schedule();
        return true;
    }

    public async Task AttemptFinished(string deliveryId, WebhookOutcome outcome)
    {
        if (!_inFlight.Remove(deliveryId) || Box.Pending.FirstOrDefault(p => p.Id == deliveryId) is not { } delivery)
        {
            return;
        }
        var now = clock.GetUtcNow();
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastError = outcome.Error;
        if (outcome.Delivered)
        {
            Finish(delivery, WebhookDeliveryStatus.Delivered);
        }
        else if (WebhookBackoff.Expired(delivery.CreatedAt, now + WebhookBackoff.After(delivery.Attempts)))
        {
            logger.LogWarning("Gave up webhook delivery {Delivery} of {Site} after {Attempts} attempts: {Error}",
                deliveryId, _site, delivery.Attempts, outcome.Error);
            Finish(delivery, WebhookDeliveryStatus.Failed);
        }
        else
        {
            delivery.NotBefore = now + WebhookBackoff.After(delivery.Attempts);
        }
        await state.WriteStateAsync();
        // Recorded once the next attempt is armed, so whoever reads the log sees a retry already scheduled.
        await Schedule();
        Record(delivery);
    }

    public async Task Forget()
    {
        var held = Box.Pending.Count + Box.Done.Count;
        Box.Pending.Clear();
        Box.Done.Clear();
        // An attempt under way finds nothing when it comes back (AttemptFinished ignores unknown deliveries).
        _inFlight.Clear();
        _timer?.Dispose();
        _timer = null;
        if (held > 0)
        {
            await state.WriteStateAsync();
        }
        await _reminder.KeepAsync(false);
        logger.LogInformation("Dropped {Deliveries} webhook deliveries of {Outbox} on erasure", held, _key);
        DeactivateOnIdle();
    }

    public Task<IReadOnlyList<WebhookDelivery>> GetPending() =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Box.Pending.Select(p => p.Entry(_key)).ToList());

    public Task ReceiveReminder(string reminderName, TickStatus status) => Schedule();

    /// <summary>One delivery per endpoint that wants the notice, leaving out any this outbox already has.</summary>
    private async Task<IEnumerable<PendingDelivery>> Deliveries(WebhookNotice notice)
    {
        var now = clock.GetUtcNow();
        return (await _endpoints.Get())
            .Where(endpoint => endpoint.Wants(notice))
            .Select(endpoint => new PendingDelivery
            {
                Id = $"{notice.Id}-{endpoint.Id}", EndpointId = endpoint.Id, Notice = notice, CreatedAt = now, NotBefore = now,
            })
            .Where(d => !Box.Pending.Any(p => p.Id == d.Id) && !Box.Done.Any(p => p.Id == d.Id))
            .ToList();
    }

    private async Task Store(List<PendingDelivery> added)
    {
        Box.Pending.AddRange(added);
        await state.WriteStateAsync();
        added.ForEach(Record);
        await Schedule();
    }

    private void Finish(PendingDelivery delivery, string status)
    {
        delivery.Status = status;
        Box.Pending.Remove(delivery);
        Box.Done.Add(delivery);
        if (Box.Done.Count > KeptDone)
        {
            Box.Done.RemoveRange(0, Box.Done.Count - KeptDone);
        }
    }

    private void Record(PendingDelivery delivery) =>
        GrainFactory.Grain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(_site)).Record(delivery.Entry(_key)).Ignore();

    /// <summary>Starts every due delivery (up to <see cref="MaxInFlight"/>), else arms a timer for the next; keeps the reminder while anything waits.</summary>
    private async Task Schedule()
    {
        await _reminder.KeepAsync(Box.Pending.Count > 0);
        var now = clock.GetUtcNow();
        foreach (var (id, since) in _inFlight.Where(f => now - f.Value >= AttemptLost).ToList())
        {
            _inFlight.Remove(id);
        }
        var due = Box.Pending.Where(p => p.NotBefore <= now && !_inFlight.ContainsKey(p.Id)).Take(MaxInFlight - _inFlight.Count).ToList();
        if (due.Count > 0)
        {
            var endpoints = await _endpoints.Get();
            foreach (var delivery in due)
            {
                delivery.Attempts++;
                delivery.LastAttemptAt = now;
                if (!endpoints.Any(e => e.Id == delivery.EndpointId))
                {
                    delivery.LastError = "The endpoint was removed.";
                    Finish(delivery, WebhookDeliveryStatus.Failed);
                }
            }
            // Counted before the send: a crash during it still moves the delivery towards giving up.
            await state.WriteStateAsync();
            foreach (var delivery in due)
            {
                if (endpoints.FirstOrDefault(e => e.Id == delivery.EndpointId) is { } endpoint)
                {
                    StartAttempt(delivery, endpoint, now);
                }
                else
                {
                    Record(delivery);
                }
            }
        }
        var next = Box.Pending.Where(p => !_inFlight.ContainsKey(p.Id)).Select(p => (DateTimeOffset?)p.NotBefore).Min();
        _timer?.Dispose();
        _timer = next is { } at && at > now
            ? this.RegisterGrainTimer(Schedule, new GrainTimerCreationOptions(at - now, Timeout.InfiniteTimeSpan))
            : null;
    }

    private void StartAttempt(PendingDelivery delivery, WebhookEndpoint endpoint, DateTimeOffset now)
    {
        _inFlight[delivery.Id] = now;
        var self = this.AsReference<IWebhookOutboxGrain>();
        var body = WebhookNotices.Body(_site, delivery.Id, delivery.Notice, now);
        var (id, notice) = (delivery.Id, delivery.Notice);
        // Off the grain's scheduler: the grain takes other calls while the endpoint answers, and hears back by a call.
        _ = Task.Run(async () =>
        {
            WebhookOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(endpoint, notice, id, body, CancellationToken.None);
            }
            catch (Exception error)
            {
                outcome = WebhookOutcome.Failed(null, error.GetType().Name);
            }
            await self.AttemptFinished(id, outcome);
        });
    }
}
