namespace Switchboard.Grains.Reports;

/// <summary>The time zone a site's reports are read in, so the fold can keep the daily roll-up in it.</summary>
public interface ISiteTimeZones
{
    ValueTask<TimeZoneInfo> OfAsync(string site, CancellationToken cancellationToken = default);
}
