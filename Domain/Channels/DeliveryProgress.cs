using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Channels;

/// <summary>
/// A message's delivery only moves forward: sent, then delivered, then read; failed only before it was delivered.
/// Platforms report out of order and more than once (WhatsApp's <c>statuses[]</c>, the outbox telling an outcome
/// again after a restart), and a late "sent" must not hide a "read".
/// </summary>
public static class DeliveryProgress
{
    public static bool Advances(string? current, string next) => Rank(next) > Rank(current);

    private static int Rank(string? status) => status switch
    {
        null => 0,
        DeliveryStatus.Sent => 1,
        DeliveryStatus.Failed => 2,
        DeliveryStatus.Delivered => 3,
        DeliveryStatus.Read => 4,
        _ => -1,
    };
}
