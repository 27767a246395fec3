namespace Switchboard.Contracts.Webhooks;

public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Refused for good or still failing after a day of retries.</summary>
    public const string Failed = "failed";
}
