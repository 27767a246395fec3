namespace Switchboard.Contracts.Webhooks;

/// <summary>The events a retailer's endpoint can subscribe to.</summary>
public static class WebhookEvents
{
    public const string ConversationStarted = "conversation.started";
    public const string Message = "message";
    public const string ConversationClosed = "conversation.closed";
    public const string Rated = "rated";
    public const string CallbackRequested = "callback.requested";
    /// <summary>A customer's first conversation ever, on any channel: sent once per customer.</summary>
    public const string CustomerFirstContact = "customer.first_contact";

    public static readonly IReadOnlyList<string> All =
        [ConversationStarted, Message, ConversationClosed, Rated, CallbackRequested, CustomerFirstContact];
}
