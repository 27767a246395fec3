namespace Switchboard.Contracts.Campaigns;

/// <summary>CHANNELS.md: the scripts a campaign can run.</summary>
public static class CampaignKinds
{
    public const string QuoteReminder = "quote_reminder";
    public const string BackInStock = "back_in_stock";
    public const string OrderConfirmation = "order_confirmation";

    public static readonly IReadOnlyList<string> All = [QuoteReminder, BackInStock, OrderConfirmation];

    /// <summary>Days from a contact's adding to its call when the campaign does not say: a quote is reminded of three days on, the others at once.</summary>
    public static int DefaultAfterDays(string kind) => kind == QuoteReminder ? 3 : 0;
}
