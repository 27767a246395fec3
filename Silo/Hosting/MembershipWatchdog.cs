using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Runtime;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Ends this silo (exit code <see cref="ExitCode"/>, or killed if its graceful stop hangs) when the membership
/// table has lost its entry, e.g. after Redis restarted empty. Orleans does not recover from that itself
/// (dotnet/orleans#7784: it retries its I-am-alive write forever), and a silo missing from the table is
/// invisible to the others: nobody can declare it dead when it later dies, so its grains stay unreachable. Exiting non-zero lets the supervisor (systemd, Docker, Kubernetes) start it again,
/// and a fresh start writes a fresh entry through Orleans' own join protocol. Writing the entry back from here
/// instead would leave Orleans' cached view of the table ahead of the re-created one (table versions restart
/// at zero), so the silo would ignore the table's changes: a restart is the only complete rejoin.
/// </summary>
public sealed class MembershipWatchdog(
    IMembershipTable table,
    ILocalSiloDetails local,
    ISiloStatusOracle status,
    IHostApplicationLifetime lifetime,
    IOptions<MembershipWatchdogOptions> options,
    TimeProvider clock,
    ILogger<MembershipWatchdog> logger) : BackgroundService
{
    /// <summary>EX_TEMPFAIL: a transient condition; start me again.</summary>
    public const int ExitCode = 75;

    /// <summary>Held so the hard stop outlives this service, which the host stops first.</summary>
    private ITimer? _hardStop;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var missed = 0;
        using var timer = new PeriodicTimer(options.Value.CheckPeriod, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Joining and leaving write the entry themselves; only an active silo's entry must be there.
            if (status.CurrentStatus != SiloStatus.Active)
            {
                missed = 0;
                continue;
            }
            var check = await CheckAsync(stoppingToken);
            missed = check switch
            {
                MembershipEntryCheck.Present => 0,
                MembershipEntryCheck.Missing => missed + 1,
                _ => missed,
            };
            if (missed >= options.Value.MissedChecksLimit)
            {
                logger.LogCritical("The membership table has lost this silo's entry ({Silo}) {Checks} checks in a row; " +
                    "stopping with exit code {ExitCode} so the supervisor starts the silo again and it rejoins", local.SiloAddress, missed, ExitCode);
                Environment.ExitCode = ExitCode;
                _hardStop = clock.CreateTimer(_ => StopHard(), null, options.Value.StopTimeout, Timeout.InfiniteTimeSpan);
                lifetime.StopApplication();
                return;
            }
        }
    }

    /// <summary>A non-zero exit all the same: the supervisor restarts the silo either way.</summary>
    private void StopHard()
    {
        logger.LogCritical("The graceful stop did not finish within {Timeout}; ending the process", options.Value.StopTimeout);
        Process.GetCurrentProcess().Kill();
    }

    private async Task<MembershipEntryCheck> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var data = await table.ReadAllAsync(cancellationToken);
            if (data.TryGet(local.SiloAddress) is { } row && row.Item1.Status == SiloStatus.Active)
            {
                return MembershipEntryCheck.Present;
            }
            logger.LogWarning("The membership table (version {Version}) has no active entry for this silo ({Silo})", data.Version.Version, local.SiloAddress);
            return MembershipEntryCheck.Missing;
        }
        catch (RedisClusteringException gone)
        {
            // The provider's word for a table whose version row is gone: Redis answered, but the table is not there.
            logger.LogWarning("The membership table is gone: {Reason}", gone.Message);
            return MembershipEntryCheck.Missing;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("The membership table cannot be read; the cluster keeps running on its last view: {Reason}", error.Message);
            return MembershipEntryCheck.Unreadable;
        }
    }
}
