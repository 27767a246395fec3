using Switchboard.Contracts.Calls;

namespace Switchboard.Contracts.Campaigns;

/// <summary>The commands for one event of a campaign call, and the customer's answer to write to the CRM when one was just given.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignCallAnswer")]
public sealed record CampaignCallAnswer(
    [property: Id(0)] IReadOnlyList<PhoneCommand> Commands,
    [property: Id(1)] string Language)
{
    [Id(2)] public CampaignAnswer? Recorded { get; init; }
    /// <summary>Why the event changed nothing, for the adapter's log.</summary>
    [Id(3)] public string? Ignored { get; init; }
}
