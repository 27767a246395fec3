namespace Switchboard.Grains.Campaigns;

/// <summary>One row of <c>results.csv</c>: one attempt of one contact (a contact never called is a row without a call).</summary>
public sealed record CampaignResultRow(
    long ContactId,
    string Phone,
    string? CustomerId,
    string? Name,
    string State,
    int Step,
    int Attempt,
    string? CallId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Result);
