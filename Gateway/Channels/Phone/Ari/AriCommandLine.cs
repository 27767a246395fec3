using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// The way from the call grains to this gateway's ARI connection of one site: an observer registered with the site's
/// <see cref="IAriLineGrain"/> while the connection runs, and again every <see cref="Renewal"/>, so the grain finds it
/// after it came back on another silo, and a restarted gateway takes the line over at its start.
/// </summary>
public sealed class AriCommandLine(AriCallFlow flow, IGrainFactory grains, TimeProvider clock, ILogger logger) : IAriCommandObserver
{
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    /// <summary>After a failed registration (the cluster not reached yet, at a gateway's start): soon, not a renewal later.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    public Task<bool> Take(string callId, IReadOnlyList<PhoneCommand> commands) => Task.FromResult(flow.Take(callId, commands));

    /// <summary>A campaign's call from a silo without an ARI connection (cluster mode), dialled like <c>AriCampaignLine</c> dials one standalone.</summary>
    public async Task<string?> Originate(string callId, string to)
    {
        try
        {
            await flow.OriginateAsync(callId, to, null, CancellationToken.None);
            return null;
        }
        catch (PhoneCommandException failure)
        {
            return failure.Message;
        }
    }

    /// <summary>Registers, then renews, until <paramref name="stop"/>; the observer reference is let go at the end.</summary>
    public async Task RunAsync(string site, CancellationToken stop)
    {
        var reference = grains.CreateObjectReference<IAriCommandObserver>(this);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var pause = Renewal;
                try
                {
                    await grains.Grain<IAriLineGrain>(GrainKeys.AriLine(site)).Register(reference);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    pause = Retry;
                    logger.LogWarning("The ARI line of site {Site} not registered with the cluster ({Problem}); trying again in {Pause} s",
                        site, failure.Message, pause.TotalSeconds);
                }
                await Task.Delay(pause, clock, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            grains.DeleteObjectReference<IAriCommandObserver>(reference);
        }
    }
}
