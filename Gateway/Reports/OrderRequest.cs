namespace Switchboard.Gateway.Reports;

/// <summary>The body of <c>POST /api/sites/{site}/orders</c>; <see cref="At"/> defaults to now.</summary>
public sealed record OrderRequest(string? OrderId, string? VisitorId, string? CustomerId, DateTimeOffset? At, decimal? Amount);
