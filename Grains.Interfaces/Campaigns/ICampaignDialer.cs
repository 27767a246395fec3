namespace Switchboard.Contracts.Campaigns;

/// <summary>The campaigns' way to a site's PBX: an <c>originate</c> with <c>campaign</c> set, to the phone channel's <c>commandUrl</c>.</summary>
public interface ICampaignDialer
{
    /// <summary>Null when the PBX took the command, else why not (for the log and the results).</summary>
    Task<string?> OriginateAsync(string site, string callId, string to, string campaignId, CancellationToken cancellationToken);
}
