namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// Back in stock: the product link after the call, by the site's approved WhatsApp template when the campaign names one,
/// else by SMS through the configured HTTP SMS gateway (docs/campaigns.md).
/// </summary>
public interface ICampaignLinkSender
{
    /// <summary>Null when the message went out, else why not (logged; the call's outcome stands).</summary>
    Task<string?> SendAsync(string site, string phone, string text, string? whatsAppTemplate, string language, CancellationToken cancellationToken);
}
