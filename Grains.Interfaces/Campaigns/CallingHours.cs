namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// When a campaign may call: from <see cref="From"/> to <see cref="To"/> local time in the customer's time zone (the
/// contact's own, else <see cref="TimeZone"/>, else UTC), every day. A window that ends before it starts runs past midnight.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CallingHours")]
public sealed record CallingHours([property: Id(0)] TimeOnly From, [property: Id(1)] TimeOnly To, [property: Id(2)] string? TimeZone = null);
