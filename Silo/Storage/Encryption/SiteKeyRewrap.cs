using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// In the background, after a site key rotation: every data key of the site is wrapped again by the newest generation
/// (<see cref="ConversationKeys.RewrapSiteDataKeysAsync"/>), page by page, while the site keeps working. At each start
/// the sites with more than one generation get a pass too, so a pass cut short (a restart) is finished: keys already
/// re-wrapped are skipped.
/// </summary>
public sealed partial class SiteKeyRewrap(ConversationKeys keys, IDataKeyStore store, ILogger<SiteKeyRewrap> logger) : BackgroundService
{
    public const int PageSize = 500;
    private const string SiteOwnerPrefix = "site:";
    private const string SecondGeneration = "#2";

    private readonly Channel<string> _sites = Channel.CreateUnbounded<string>();

    /// <summary>Asks for a pass over the site's keys (after a rotation).</summary>
    public void Request(string site) => _sites.Writer.TryWrite(site);

    /// <summary>One whole pass; the number of keys wrapped again.</summary>
    public async Task<int> RunAsync(string site, CancellationToken cancellationToken)
    {
        var (total, after) = (0, "");
        while (true)
        {
            var page = await keys.RewrapSiteDataKeysAsync(site, after, PageSize, cancellationToken);
            total += page.Rewrapped;
            if (page.ResumeAfter is not { } next)
            {
                return total;
            }
            after = next;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var (owner, _) in await store.SiteKeysAsync(stoppingToken))
            {
                // A site that was rotated has "site:{site}#2": it may have keys under an older generation still.
                if (owner.StartsWith(SiteOwnerPrefix, StringComparison.Ordinal) && owner.EndsWith(SecondGeneration, StringComparison.Ordinal))
                {
                    Request(owner[SiteOwnerPrefix.Length..^SecondGeneration.Length]);
                }
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Not fatal: the key store may not be reachable yet; the next start looks again.
            LogFailed(logger, failure, "(all)");
        }
        await foreach (var site in _sites.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                LogDone(logger, site, await RunAsync(site, stoppingToken));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The next start, or the next rotation, goes over the site again.
                LogFailed(logger, failure, site);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Re-wrapped {Count} data keys of site {Site} under its newest key")]
    private static partial void LogDone(ILogger logger, string site, int count);

    [LoggerMessage(LogLevel.Warning, "Re-wrapping the data keys of site {Site} stopped; it resumes at the next start")]
    private static partial void LogFailed(ILogger logger, Exception failure, string site);
}
