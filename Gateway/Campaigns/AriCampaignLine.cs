using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Silo.Campaigns;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// Campaign calls of a site on Asterisk: the originate as ARI's <c>POST /channels</c>, through the ARI adapter this gateway
/// runs for the site (standalone: the campaigns' silo is in this process). The call's events then reach the campaign
/// call's grain through the adapter like any call's.
/// </summary>
public sealed class AriCampaignLine(AriService ari) : ICampaignLine
{
    public bool Serves(string site) => ari.Serves(site);

    public async Task<string?> OriginateAsync(string site, string callId, string to, CancellationToken cancellationToken)
    {
        try
        {
            await ari.OriginateAsync(site, callId, to, null, cancellationToken);
            return null;
        }
        catch (PhoneCommandException failure)
        {
            return failure.Message;
        }
    }
}
