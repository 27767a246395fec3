namespace Switchboard.Contracts.Campaigns;

/// <summary>One row of <c>results.csv</c>: one attempt of one contact (a contact never called is one row without a call).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignResult")]
public sealed record CampaignResult(
    [property: Id(0)] long ContactId,
    [property: Id(1)] string Phone,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] string? Name,
    [property: Id(4)] string State,
    [property: Id(5)] int Step,
    [property: Id(6)] int Attempt,
    [property: Id(7)] string? CallId,
    [property: Id(8)] DateTimeOffset? StartedAt,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] string? Result);
