using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Channels;

public static class ChannelLookup
{
    /// <summary>
    /// The site's channel when it exists and is switched on; otherwise null, which webhooks answer 404 alike:
    /// a switched-off channel stops accepting updates without telling a stranger whether it was ever configured.
    /// </summary>
    public static async Task<ChannelSettings?> FindEnabledAsync(IGrainFactory grains, string site, string channel)
    {
        var channels = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetChannels();
        return channels.FirstOrDefault(c => c.Channel == channel && c.Enabled);
    }
}
