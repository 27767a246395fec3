using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Campaigns;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Silo.Campaigns;

/// <summary>
/// The campaigns' originates, from the silo holding the campaign: through a <see cref="ICampaignLine"/> that serves the
/// site (ARI, when the gateway holding it runs in this process); else through the site's <see cref="IAriLineGrain"/> to
/// the gateway holding its ARI connection (a cluster's silos have none); else signed like every command to the site's
/// phone channel's <c>commandUrl</c>.
/// </summary>
public sealed class CampaignDialer(PhoneChannelSettings settings, PhoneCommandSender sender, IEnumerable<ICampaignLine> lines, IGrainFactory grains) : ICampaignDialer
{
    public async Task<string?> OriginateAsync(string site, string callId, string to, string campaignId, CancellationToken cancellationToken)
    {
        if (lines.FirstOrDefault(l => l.Serves(site)) is { } line)
        {
            return await line.OriginateAsync(site, callId, to, cancellationToken);
        }
        var overAri = await grains.Grain<IAriLineGrain>(GrainKeys.AriLine(site)).Originate(callId, to);
        if (overAri.Reached)
        {
            return overAri.Problem;
        }
        if (await settings.ForAsync(site) is not { CommandUrl: { Length: > 0 } } channel)
        {
            return "the site's phone channel has no commandUrl";
        }
        try
        {
            await sender.SendAsync(channel, new CampaignOriginate(callId, to, CampaignOriginate.RingSeconds, campaignId), cancellationToken);
            return null;
        }
        catch (PhoneCommandException failure)
        {
            return failure.Message;
        }
    }
}
