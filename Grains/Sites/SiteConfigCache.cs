using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

/// <summary>
/// A grain's way to its site's configuration: the silo's shared copy (<see cref="SiteConfigs"/>), read again once
/// older than the refresh interval, so configuration changes take effect within seconds without a call to the site
/// grain per message.
/// </summary>
internal sealed class SiteConfigCache(IServiceProvider services, string site)
{
    private readonly SiteConfigs _configs = services.GetRequiredService<SiteConfigs>();

    public ValueTask<SiteConfig> Get() => _configs.Get(site);
}
