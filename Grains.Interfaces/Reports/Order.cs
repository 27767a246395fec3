namespace Switchboard.Contracts.Reports;

/// <summary>An order the retailer reports (<c>POST /api/sites/{site}/orders</c>): a chat of the same visitor shortly before it converted.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Order")]
public sealed record Order(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string? VisitorId,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] decimal? Amount);
