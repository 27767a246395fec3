namespace Switchboard.Grains.Campaigns;

/// <summary>The ids of a site's campaigns in the order they were created.</summary>
[GenerateSerializer, Alias("Switchboard.Campaigns.CampaignListState")]
public sealed class CampaignListState
{
    [Id(0)] public List<string> Ids { get; set; } = [];

    /// <summary>The campaigns older than the list were read from the campaign store (once, at the first activation that could).</summary>
    [Id(1)] public bool FilledFromStore { get; set; }
}
