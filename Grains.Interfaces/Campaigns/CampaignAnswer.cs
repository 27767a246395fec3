namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// A customer's answer to a campaign call, for their card in the CRM (docs/campaigns.md): which campaign and question,
/// and what they said (<see cref="CallResults"/> <c>yes</c>/<c>no</c>/<c>no_choice</c>, or <c>refused</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignAnswer")]
public sealed record CampaignAnswer(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Question,
    [property: Id(3)] string Answer,
    [property: Id(4)] string Phone,
    [property: Id(5)] string? CustomerId,
    [property: Id(6)] DateTimeOffset At);
