namespace Switchboard.Contracts.Campaigns;

/// <summary>One row of a contact list, already checked: the number in E.164, <see cref="Data"/> as the JSON the retailer sent.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignContact")]
public sealed record CampaignContact(
    [property: Id(0)] string Phone,
    [property: Id(1)] string? CustomerId,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Data,
    [property: Id(4)] string? TimeZone);
