using Switchboard.Contracts.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>A campaign call's stored state: the stage of its script, the customer's answer, the answers to its latest events.</summary>
[GenerateSerializer, Alias("Switchboard.Campaigns.CampaignCallState")]
public sealed class CampaignCallState
{
    [Id(0)] public CampaignCallStage Stage { get; set; }
    /// <summary>The customer's answer to the script's question (<see cref="CallResults"/>), once given.</summary>
    [Id(1)] public string? Result { get; set; }
    /// <summary>How many times in a row no choice was heard.</summary>
    [Id(2)] public int Misses { get; set; }
    [Id(3)] public List<KeyValuePair<string, CampaignCallAnswer>> Answered { get; set; } = [];
    [Id(4)] public bool LinkSent { get; set; }
}
