using Switchboard.Contracts.Calls;

namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// One call a campaign started (key <c>{site}/cc:{callId}</c>, call ids <c>cm-…</c>): the script, answering the call's
/// events from the PBX, and the outcome reported to its campaign.
/// </summary>
[Alias("Switchboard.ICampaignCallGrain")]
public interface ICampaignCallGrain : IGrainWithStringKey
{
    /// <summary>What the PBX should do after <paramref name="evt"/>; a redelivered event gets the first answer again.</summary>
    [Alias("Handle")]
    Task<CampaignCallAnswer> Handle(PhoneEvent evt);
}
