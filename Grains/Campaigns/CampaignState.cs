using Switchboard.Contracts.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>A campaign's stored state: only its definition and lifecycle; the contacts are in <see cref="ICampaignStore"/>.</summary>
[GenerateSerializer, Alias("Switchboard.Campaigns.CampaignState")]
public sealed class CampaignState
{
    [Id(0)] public CampaignDefinition? Definition { get; set; }
    [Id(1)] public string Status { get; set; } = CampaignStatuses.Draft;
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
