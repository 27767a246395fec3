using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Push;

namespace Switchboard.Contracts.Visitors;

/// <summary>A browsing visitor (key <c>{site}/v:{id}</c>): who they are and their open conversation.</summary>
[Alias("Switchboard.IVisitorGrain")]
public interface IVisitorGrain : IGrainWithStringKey
{
    /// <summary>
    /// A socket of this visitor said hello through <paramref name="gateway"/>: starts or continues the visit, and
    /// pushes invitations there.
    /// </summary>
    [Alias("Hello")]
    Task<VisitorSnapshot> Hello(VisitorHello hello, IPushObserver? gateway);

    /// <summary>Starts a chat, or returns the open one when the same start is retried.</summary>
    [Alias("StartChat")]
    Task<AppendResult> StartChat(StartChatRequest request, IPushObserver? subscriber);

    /// <summary>Renews a gateway node's subscription for this visitor's invitations.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IPushObserver gateway);

    /// <summary>One of the visitor's sockets closed; with none left the invitation timer stops.</summary>
    [Alias("Disconnected")]
    Task Disconnected();

    /// <summary>The visitor is on a new page: tracked, routing rules and invitation timers look at it.</summary>
    [Alias("Page")]
    Task Page(string url, string? title, string? referrer);

    [Alias("Cart")]
    Task Cart(Invitations.Cart cart);

    /// <summary>Accepts the pending invitation: starts a chat whose first message records it.</summary>
    [Alias("AcceptInvitation")]
    Task<AppendResult> AcceptInvitation(string inviteId, IPushObserver? subscriber);

    [Alias("DismissInvitation")]
    Task DismissInvitation(string inviteId);

    /// <summary>An operator invites this visitor with their own text; the chat goes to them first.</summary>
    [Alias("InviteManually")]
    Task InviteManually(Actor @operator, string text);

    /// <summary>The shopper's id when the site signed who they are (or a channel linked them); null for an anonymous visitor.</summary>
    [Alias("GetCustomerId"), AlwaysInterleave]
    Task<string?> GetCustomerId();

    [Alias("GetVisit")]
    Task<VisitSummary> GetVisit();

    /// <summary>The visitor's conversations so far, newest first (the console's "previous conversations").</summary>
    [Alias("GetConversations")]
    Task<IReadOnlyList<string>> GetConversations();

    /// <summary>Ids of every conversation this visitor started (its own, not a linked customer's), newest first, a page at a time (at most 500).</summary>
    [Alias("GetConversationIds")]
    Task<IReadOnlyList<string>> GetConversationIds(int skip, int take);

    /// <summary>An operator took this visitor's chat: remembered for sticky routing.</summary>
    [Alias("Served"), OneWay]
    Task Served(string operatorId);

    [Alias("ConversationClosed"), OneWay]
    Task ConversationClosed(string conversationId);

    /// <summary>This visitor (a messenger contact, a caller) is the customer <paramref name="customerId"/>: their chats are routed and listed as that customer's.</summary>
    [Alias("LinkCustomer")]
    Task LinkCustomer(string customerId);

    /// <summary>The push token of the retailer's app this visitor chats in (docs/in-app.md); null or empty forgets it.</summary>
    [Alias("SetPushToken")]
    Task SetPushToken(string? token, string? platform);

    /// <summary>
    /// An operator replied in <paramref name="conversationId"/> while the conversation saw none of this visitor's widgets
    /// open: with a push token and still no widget open, the reply goes to the site's push endpoints.
    /// </summary>
    [Alias("OperatorReplied"), OneWay]
    Task OperatorReplied(string conversationId, long seq, string author, string preview);

    /// <summary>Forgets everything about this visitor (a customer's erasure): name, customer link, visit, conversations.</summary>
    [Alias("Forget")]
    Task Forget();
}
