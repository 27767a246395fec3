namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// When a campaign may call: from <see cref="From"/> to <see cref="To"/> local time in the customer's time zone (the
/// contact's own, else <see cref="TimeZone"/>, else UTC), every day. A window that ends before it starts runs past midnight;
/// one that ends where it starts (00:00 to 24:00, which is 00:00) is open around the clock.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CallingHours")]
public sealed record CallingHours([property: Id(0)] TimeOnly From, [property: Id(1)] TimeOnly To, [property: Id(2)] string? TimeZone = null)
{
    public bool AroundTheClock => From == To;
}
