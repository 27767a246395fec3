namespace Switchboard.Grains.Reports;

/// <summary>Every site in one zone: for a read model outside a cluster (tests, the reports benchmark).</summary>
public sealed class FixedSiteTimeZones(TimeZoneInfo zone) : ISiteTimeZones
{
    public static readonly FixedSiteTimeZones Utc = new(TimeZoneInfo.Utc);

    public ValueTask<TimeZoneInfo> OfAsync(string site, CancellationToken cancellationToken = default) => ValueTask.FromResult(zone);
}
