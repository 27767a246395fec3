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
    /// <summary>An operator's reply to a visitor in the retailer's app while it is closed: for the retailer's push service (docs/in-app.md).</summary>
    public const string Push = "push";

    public static readonly IReadOnlyList<string> All =
        [ConversationStarted, Message, ConversationClosed, Rated, CallbackRequested, CustomerFirstContact, Push];
}
