namespace Switchboard.Silo.Campaigns;

/// <summary>
/// A way to a site's PBX other than the generic adapter's <c>commandUrl</c>, registered by whatever holds it (the
/// gateway's ARI adapter, for a site on Asterisk). The campaigns' dialer asks each line whether it serves the site first.
/// </summary>
public interface ICampaignLine
{
    bool Serves(string site);

    /// <summary>Null when the PBX took the originate, else why not.</summary>
    Task<string?> OriginateAsync(string site, string callId, string to, CancellationToken cancellationToken);
}
