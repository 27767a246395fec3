namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// <c>POST …/campaigns/{id}/contacts/from-crm</c>: which of the CRM's customers to call. <see cref="Query"/> is the CRM's
/// own filter, passed on as it is (e.g. quotes of a week, wishes for an item); <see cref="Limit"/> caps the rows taken.
/// </summary>
public sealed record CrmContactsRequest(string? Query, int? Limit)
{
    public const int DefaultLimit = 10_000;
    public const int MaxLimit = 1_000_000;
    public const int MaxQueryLength = 1000;
}
