using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Reports;

/// <summary>
/// Keeps the read model behind the event log: reads on from the stored checkpoint and folds each batch in with
/// the checkpoint's move, in one transaction, so a restart or a silo's death neither skips nor repeats an event.
/// Every silo runs one, and the one holding the lead (<see cref="IProjectionLead"/>) folds; the others wait to take
/// it over when its node dies. Should two still race, the checkpoint's compare-and-set lets one batch in.
/// </summary>
public sealed class ReportProjector(
    IEventLogFeed feed, IReportStore store, IOptions<ReportOptions> options, TimeProvider clock, ILogger<ReportProjector> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The log position reached so far (for the lag figure in benchmarks).</summary>
    public EventLogPosition Position { get; private set; }

    /// <summary>Folds in everything appended so far; returns the events folded. Used by tests and the rebuild.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var from = await store.CheckpointAsync(cancellationToken);
            var batch = await new EventLogCursor(feed, from, options.Value.BatchSize, ChatFacts.ReadsPersonalFieldsOf).ReadNextAsync(cancellationToken);
            if (batch.Count == 0)
            {
                Position = from;
                return total;
            }
            if (await store.ApplyAsync(from, batch, cancellationToken))
            {
                total += batch.Count;
                Position = batch[^1].Position;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Project)
        {
            return;
        }
        IProjectionLead? lead = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    lead = await LeadAsync(lead, stoppingToken);
                    if (lead is not null)
                    {
                        await CatchUpAsync(stoppingToken);
                    }
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error)
                {
                    logger.LogWarning(error, "The report projector failed; it retries from its checkpoint");
                    await Task.Delay(RetryDelay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            if (lead is not null)
            {
                await lead.DisposeAsync();
            }
        }
    }

    /// <summary>The lead kept while it holds, else taken when free (null while another node has it).</summary>
    private async Task<IProjectionLead?> LeadAsync(IProjectionLead? lead, CancellationToken cancellationToken)
    {
        if (lead is not null)
        {
            if (await lead.IsHeldAsync(cancellationToken))
            {
                return lead;
            }
            await lead.DisposeAsync();
            logger.LogWarning("This node lost the lead of the report projection");
        }
        var taken = await store.TryLeadAsync(cancellationToken);
        if (taken is not null)
        {
            logger.LogInformation("This node leads the report projection from {Checkpoint}", await store.CheckpointAsync(cancellationToken));
        }
        return taken;
    }
}
