namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// A site's campaigns (key <c>{site}/cl:site</c>), oldest first: the supervisors' campaigns view lists them. A campaign
/// enters it when it is created.
/// </summary>
[Alias("Switchboard.ICampaignListGrain")]
public interface ICampaignListGrain : IGrainWithStringKey
{
    /// <summary>Adds a campaign's id; an id already listed is left where it is.</summary>
    [Alias("Add")]
    Task Add(string campaignId);

    /// <summary>The ids of the newest <paramref name="count"/> campaigns, newest first.</summary>
    [Alias("Newest")]
    Task<IReadOnlyList<string>> Newest(int count);
}
