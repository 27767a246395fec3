namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// Back in stock: the product link after the call, by the site's approved WhatsApp template when the campaign names one
/// (the item and the link its two body parameters), else, or when WhatsApp did not take it, by SMS through the configured
/// HTTP SMS gateway as "{item}: {link}" (docs/campaigns.md).
/// </summary>
public interface ICampaignLinkSender
{
    /// <summary>Null when the message went out, else why not (logged; the call's outcome stands).</summary>
    Task<string?> SendAsync(string site, string phone, string item, string link, string? whatsAppTemplate, string language, CancellationToken cancellationToken);
}
