namespace Switchboard.Grains;

/// <summary>
/// The grain storage provider and the per-grain-type state names. Each grain type has its own
/// state name because storage rows are keyed by state name and grain key only.
/// </summary>
public static class StorageNames
{
    public const string Provider = "switchboard";
    public const string SiteState = "site";
    public const string SiteDirectoryState = "siteDirectory";
    public const string VisitorState = "visitor";
    public const string QueueState = "queue";
    public const string OperatorState = "operator";
    public const string OperatorRatingsState = "operatorRatings";
    public const string CustomerState = "customer";
    public const string OutboxState = "channelOutbox";
    public const string OutboxOutcomes = "channelOutboxOutcomes";
    public const string CallState = "call";
    public const string CallFiguresState = "callFigures";
    public const string SiteWebhooksState = "siteWebhooks";
    public const string WebhookOutboxState = "webhookOutbox";
    public const string ExportState = "export";
    public const string DailySummaryState = "dailySummary";
    public const string CampaignState = "campaign";
    public const string CampaignCallState = "campaignCall";
    public const string CampaignListState = "campaignList";
    public const string EmailThreadState = "emailThread";
    public const string MailboxState = "mailbox";
}
