namespace Switchboard.Contracts.Calls;

/// <summary>
/// One site's way from the call grains (and the campaigns) to the gateway running its ARI adapter (key <c>{site}/pa:ari</c>): that gateway
/// registers its observer here when it connects and renews it while it runs, so a restarted gateway, or this grain
/// coming back on another silo, is found again within a renewal.
/// </summary>
[Alias("Switchboard.IAriLineGrain")]
public interface IAriLineGrain : IGrainWithStringKey
{
    /// <summary>The gateway behind <paramref name="line"/> carries out the site's ARI calls from now on.</summary>
    [Alias("Register")]
    Task Register(IAriCommandObserver line);

    /// <summary>Commands for ARI call <paramref name="callId"/>; false (with a log line saying why) when no gateway took them.</summary>
    [Alias("Push")]
    Task<bool> Push(string callId, IReadOnlyList<PhoneCommand> commands);

    /// <summary>A new call <paramref name="callId"/> to <paramref name="to"/> dialled by the registered gateway (a campaign's call).</summary>
    [Alias("Originate")]
    Task<AriOriginateAnswer> Originate(string callId, string to);
}
