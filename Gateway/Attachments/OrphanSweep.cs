using Microsoft.Extensions.Options;
using Switchboard.Gateway.Hosting;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Removes uploads no message took: a send that failed or never came, once <see cref="AttachmentOptions.OrphanAfter"/>
/// has passed; and files whose description was never written (the gateway stopped mid-upload), once two sweeps in a
/// row have found them so. Every gateway sweeps; removing twice is harmless.
/// </summary>
public sealed class OrphanSweep(AttachmentCatalog catalog, IOptions<AttachmentOptions> options, TimeProvider clock, ILogger<OrphanSweep> logger)
    : BackgroundService
{
    private HashSet<string> _undescribedLastTime = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync("attachment orphan sweep", options.Value.SweepEvery, clock, logger, SweepAsync, stoppingToken);

    /// <summary>One pass; returns how many uploads it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        var cutoff = clock.GetUtcNow() - options.Value.OrphanAfter;
        var described = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var id in catalog.ListIdsAsync(AttachmentCatalog.MetaPrefix, cancellationToken))
        {
            described.Add(id);
            if (await catalog.FindAsync(id, cancellationToken) is { ConversationId: null } stored && stored.UploadedAt < cutoff)
            {
                await catalog.DeleteAsync(id, cancellationToken);
                removed++;
            }
        }
        var undescribed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var id in catalog.ListIdsAsync(AttachmentCatalog.FilePrefix, cancellationToken))
        {
            if (described.Contains(id))
            {
                continue;
            }
            if (_undescribedLastTime.Contains(id))
            {
                await catalog.DeleteAsync(id, cancellationToken);
                removed++;
            }
            else
            {
                // Possibly an upload still on its way: only a file still undescribed next time is an orphan.
                undescribed.Add(id);
            }
        }
        _undescribedLastTime = undescribed;
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} attachment uploads that no message took", removed);
        }
        return removed;
    }
}
