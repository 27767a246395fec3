using Orleans.Runtime;
using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>
/// A site's webhook endpoints and delivery log. The log is written to storage at most once a second: every outbox
/// of the site reports each attempt here, and one write per attempt would make this grain the site's bottleneck.
/// The outboxes hold the truth; a silo death loses at most the last second of the log, not a delivery.
/// </summary>
public sealed class SiteWebhooksGrain(
    [PersistentState(StorageNames.SiteWebhooksState, StorageNames.Provider)] IPersistentState<SiteWebhooksState> state,
    TimeProvider clock)
    : Grain, ISiteWebhooksGrain
{
    public const int KeptDeliveries = 1000;
    public static readonly TimeSpan LogFlush = TimeSpan.FromSeconds(1);

    private IGrainTimer? _flush;

    public Task<IReadOnlyList<WebhookEndpoint>> GetEndpoints() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>(state.State.Endpoints.ToList());

    public async Task SetEndpoint(WebhookEndpoint endpoint)
    {
        // A changed endpoint keeps its start; a new one gets what happens from now on, not the history of open chats.
        var since = state.State.Endpoints.FirstOrDefault(e => e.Id == endpoint.Id)?.Since ?? clock.GetUtcNow();
        state.State.Endpoints.RemoveAll(e => e.Id == endpoint.Id);
        state.State.Endpoints.Add(endpoint with { Since = since });
        await Flush();
    }

    public async Task<bool> RemoveEndpoint(string endpointId)
    {
        if (state.State.Endpoints.RemoveAll(e => e.Id == endpointId) == 0)
        {
            return false;
        }
        await Flush();
        return true;
    }

    public Task Record(WebhookDelivery delivery)
    {
        var log = state.State.Deliveries;
        var index = log.FindIndex(d => d.Id == delivery.Id);
        if (index >= 0)
        {
            // One-way reports can overtake each other: an older attempt never overwrites a later one.
            if (log[index].Attempts > delivery.Attempts)
            {
                return Task.CompletedTask;
            }
            log.RemoveAt(index);
        }
        log.Add(delivery);
        if (log.Count > KeptDeliveries)
        {
            log.RemoveRange(0, log.Count - KeptDeliveries);
        }
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(LogFlush, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookDelivery>> GetDeliveries(int limit) =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(Enumerable.Reverse(state.State.Deliveries).Take(Math.Max(0, limit)).ToList());

    public Task<WebhookDelivery?> FindDelivery(string deliveryId) =>
        Task.FromResult(state.State.Deliveries.FirstOrDefault(d => d.Id == deliveryId));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_flush is not null)
        {
            await Flush();
        }
    }

    private Task Flush()
    {
        _flush?.Dispose();
        _flush = null;
        return state.WriteStateAsync();
    }
}
