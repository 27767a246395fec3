using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

/// <summary>
/// A grain's copy of its site's configuration, read again once it is older than the refresh interval,
/// so configuration changes take effect within seconds without a call to the site grain per message.
/// </summary>
internal sealed class SiteConfigCache(IGrainFactory grains, string site, TimeProvider clock, TimeSpan refresh)
{
    private SiteConfig? _config;
    private DateTimeOffset _readAt;

    public async Task<SiteConfig> Get()
    {
        var now = clock.GetUtcNow();
        if (_config is null || now - _readAt >= refresh)
        {
            _config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig()
                ?? throw SwitchboardException.NotFound($"No site '{site}'.");
            _readAt = now;
        }
        return _config;
    }
}
