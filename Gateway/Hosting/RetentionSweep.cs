using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Privacy;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Deletes conversations older than their site's retention (<see cref="RetentionOptions"/>): their rating comments
/// out of the operators' lists of ratings first, then attachments (their ids are in the events), the key and the
/// events. Every gateway sweeps; deleting twice is harmless.
/// </summary>
public sealed class RetentionSweep(
    IPrivacyStore privacy, IEventLog log, IConversationKeys keys, AttachmentCatalog attachments, IRatingCommentEraser ratingComments,
    IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync("retention sweep", options.Value.SweepEvery, clock, logger, SweepAsync, stoppingToken);

    /// <summary>One pass over every site that has a retention; returns how many conversations it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        var settings = options.Value;
        // Only a default retention needs every site the log holds; otherwise the configured ones are all.
        var sites = settings.DefaultDays > 0 ? await privacy.SitesAsync(cancellationToken) : [.. settings.Sites.Keys];
        foreach (var site in sites)
        {
            var days = settings.DaysFor(site);
            if (days <= 0)
            {
                continue;
            }
            var before = clock.GetUtcNow() - TimeSpan.FromDays(days);
            var expired = new List<(string Key, IReadOnlyList<string> Files)>();
            var commentsHeld = new RatingCommentHolders();
            foreach (var conversationKey in await privacy.ExpiredConversationsAsync(site, before, settings.MaxPerSweep, cancellationToken))
            {
                var events = await log.ReadAsync(conversationKey, 0, cancellationToken: cancellationToken);
                commentsHeld.Note(GrainKeys.Parse(conversationKey).Id, events);
                expired.Add((conversationKey, [.. ConversationFiles.Ids(events)]));
            }
            // The comments first: should that fail, the chats are still there for the next sweep to find them again.
            await ratingComments.ForgetAsync(site, commentsHeld);
            foreach (var (conversationKey, files) in expired)
            {
                await RemoveAsync(conversationKey, files, cancellationToken);
                removed++;
            }
        }
        if (removed > 0)
        {
            logger.LogInformation("Retention removed {Count} conversations", removed);
        }
        return removed;
    }

    private async Task RemoveAsync(string conversationKey, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        foreach (var id in files)
        {
            await attachments.DeleteAsync(id, cancellationToken);
        }
        await keys.ForgetAsync(conversationKey, cancellationToken);
        await privacy.DeleteConversationAsync(conversationKey, cancellationToken);
        logger.LogDebug("Retention removed conversation {Conversation}", GrainKeys.Parse(conversationKey).Id);
    }
}
