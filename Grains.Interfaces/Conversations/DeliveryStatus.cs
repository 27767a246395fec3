namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>status</c> of a <c>delivery</c> event: how far an operator's message got through its channel.</summary>
public static class DeliveryStatus
{
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    public static bool IsKnown(string? status) => status is Sent or Delivered or Read or Failed;
}
