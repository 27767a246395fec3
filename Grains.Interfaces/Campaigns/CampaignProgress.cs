namespace Switchboard.Contracts.Campaigns;

[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignProgress")]
public sealed record CampaignProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Status,
    [property: Id(4)] CampaignCounts Counts);
