namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// CHANNELS.md's create body. <see cref="Prompts"/> (an extension, docs/campaigns.md) replaces the script's default
/// texts; <see cref="ReofferDays"/> is how long after a "no" a quote is offered again (within a year of the first call).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] CallingHours CallingHours,
    [property: Id(3)] int Concurrency,
    [property: Id(4)] int MaxAttempts,
    [property: Id(5)] int RetryMinutes)
{
    [Id(6)] public int? AfterDays { get; init; }
    [Id(7)] public string? Language { get; init; }
    [Id(8)] public IReadOnlyDictionary<string, string>? Prompts { get; init; }
    [Id(9)] public int? ReofferDays { get; init; }
    /// <summary>Back in stock: the approved WhatsApp template that carries the product link; without one the link goes by SMS.</summary>
    [Id(10)] public string? WhatsAppTemplate { get; init; }
}
