using System.Collections.Concurrent;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Reports;

/// <summary>
/// Sites' zones from their settings, kept a minute: a changed zone reaches the roll-up a little later, which costs
/// nothing but speed (queries in the new zone read hours until the fold has moved the day rows to it).
/// </summary>
public sealed class SiteConfigTimeZones(IGrainFactory grains, TimeProvider clock) : ISiteTimeZones
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (TimeZoneInfo Zone, DateTimeOffset Until)> _zones = new(StringComparer.Ordinal);

    public async ValueTask<TimeZoneInfo> OfAsync(string site, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_zones.TryGetValue(site, out var kept) && kept.Until > now)
        {
            return kept.Zone;
        }
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(config?.TimeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        _zones[site] = (zone, now + KeptFor);
        return zone;
    }
}
