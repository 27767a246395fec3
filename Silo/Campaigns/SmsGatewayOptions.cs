namespace Switchboard.Silo.Campaigns;

/// <summary>
/// <c>Campaigns:Sms:*</c>: an HTTP SMS gateway for campaign links (docs/campaigns.md): <c>POST {Url}</c> with
/// <c>{"to","text","sender?"}</c> and <c>Authorization: Bearer {ApiKey}</c> when one is set.
/// </summary>
public sealed class SmsGatewayOptions
{
    public const string Section = "Campaigns:Sms";

    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    public string? Sender { get; set; }
    public double TimeoutSeconds { get; set; } = 10;
}
