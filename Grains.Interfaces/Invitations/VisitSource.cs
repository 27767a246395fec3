namespace Switchboard.Contracts.Invitations;

/// <summary>Where the visit came from: the first page's referrer and UTM parameters.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.VisitSource")]
public sealed record VisitSource(
    [property: Id(0)] string? Referrer,
    [property: Id(1)] string? UtmSource,
    [property: Id(2)] string? UtmMedium,
    [property: Id(3)] string? UtmCampaign);
