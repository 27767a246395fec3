using Switchboard.Contracts;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// This node's share of the cluster's IMAP mailboxes. Every <see cref="RenewEvery"/> it claims from
/// <see cref="IMailboxReadersGrain"/>: it keeps reading what it still holds, starts what it was given, stops what it
/// lost. A node that dies stops renewing, and within <see cref="Lease"/> another node reads its mailboxes on.
/// </summary>
public sealed partial class ImapReaders(
    IGrainFactory grains, ImapMailboxReader reader, IConfiguration configuration, TimeProvider clock, ILogger<ImapReaders> logger)
    : BackgroundService
{
    /// <summary>Set false on nodes that must not read mailboxes (a gateway kept for sockets only; tests that read by hand).</summary>
    public const string Setting = "Email:ReadMailboxes";

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string _node = $"{Environment.MachineName}/{Guid.NewGuid():N}";
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Reading)> _reading = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Setting, defaultValue: true))
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ClaimAsync(stoppingToken);
                await Task.Delay(RenewEvery, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (stop, _) in _reading.Values)
            {
                await stop.CancelAsync();
            }
            await Task.WhenAll(_reading.Values.Select(r => r.Reading));
        }
    }

    private async Task ClaimAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<string> held;
        try
        {
            held = await grains.Grain<IMailboxReadersGrain>(IMailboxReadersGrain.Key).Claim(_node, Lease);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // Without an answer the leases are not renewed: the mailboxes go on with another node, this one stops.
            LogClaimFailed(error);
            held = [];
        }
        foreach (var site in _reading.Keys.Except(held).ToList())
        {
            await _reading[site].Stop.CancelAsync();
            _reading.Remove(site);
        }
        foreach (var site in held.Where(site => !_reading.ContainsKey(site)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _reading[site] = (stop, Task.Run(() => reader.RunAsync(site, stop.Token), CancellationToken.None));
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not renew this node's mailbox leases; its mailboxes are left to other nodes.")]
    private partial void LogClaimFailed(Exception error);
}
