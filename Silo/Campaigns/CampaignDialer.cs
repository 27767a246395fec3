using Switchboard.Contracts.Campaigns;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Silo.Campaigns;

/// <summary>The campaigns' originates, signed like every command, to the site's phone channel's <c>commandUrl</c>, from the silo holding the campaign.</summary>
public sealed class CampaignDialer(PhoneChannelSettings settings, PhoneCommandSender sender) : ICampaignDialer
{
    public async Task<string?> OriginateAsync(string site, string callId, string to, string campaignId, CancellationToken cancellationToken)
    {
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
