using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Contacts;

/// <summary>
/// The one entry point for a contact (a site visitor) on any transport — the widget's socket today, messenger
/// webhooks and the phone adapter next. It takes typed requests and turns them into grain calls; the transport
/// parses its own input, keeps what it follows, and renders the results. Pushes for the contact reach the
/// <see cref="IPushSubscriber"/> it registers with the node's <see cref="PushHub"/>.
/// </summary>
public sealed class ContactDesk(IGrainFactory grains, PushHub hub, AttachmentClaims attachments)
{
    /// <summary>
    /// Greets a contact: follows its visitor pushes first when asked (an invitation pushed at once is not missed),
    /// says hello to its visitor grain, and subscribes the conversation it resumes (or its open one, from the start).
    /// A hello that fails part-way follows nothing, so the transport may send it again.
    /// </summary>
    public async Task<ContactWelcome> HelloAsync(ContactHello hello, string defaultQueue, IPushSubscriber subscriber)
    {
        var visitorKey = GrainKeys.Visitor(hello.Site, hello.VisitorId);
        if (hello.FollowsVisitor)
        {
            hub.FollowVisitor(visitorKey, subscriber);
        }
        try
        {
            var visitor = await grains.Grain<IVisitorGrain>(visitorKey)
                .Hello(new VisitorHello(hello.Identity, hello.Language, hello.Region) { FromWidget = true }, hello.FollowsVisitor ? hub.Reference : null);
            var contact = new Actor(ActorKind.Visitor, hello.Site, hello.VisitorId) with { Name = visitor.Name };
            var (conversationId, afterSeq) = hello.Resume is { } resume ? (resume.ConversationId, resume.LastSeq) : (visitor.OpenConversationId, 0);
            var (conversation, refused) = conversationId is null ? (null, null) : await TrySubscribe(contact, conversationId);
            var online = await OnlineOperators(hello.Site, defaultQueue);
            return new ContactWelcome(contact, visitor, conversation, afterSeq, refused, online);
        }
        catch
        {
            if (hello.FollowsVisitor)
            {
                hub.UnfollowVisitor(visitorKey, subscriber);
            }
            throw;
        }
    }

    /// <summary>Someone else's conversation, or none: the refusal is handed back, and nothing about it.</summary>
    private async Task<(ConversationSnapshot?, SwitchboardException?)> TrySubscribe(Actor contact, string conversationId)
    {
        try
        {
            return (await Conversation(contact, conversationId).Subscribe(contact, hub.Reference), null);
        }
        catch (SwitchboardException refusal)
        {
            return (null, refusal);
        }
    }

    /// <summary>Starts a chat, or joins the contact's open one (a retried client id returns the same append).</summary>
    public async Task<ChatJoined> StartChatAsync(Actor contact, StartChatRequest request)
    {
        var result = await Visitor(contact).StartChat(request, hub.Reference);
        return new ChatJoined(GrainKeys.Conversation(contact.Site, result.ConversationId), result);
    }

    /// <summary>
    /// The chat's place in its queue now, null when it is not waiting. A transport follows a chat it started only once
    /// the start has answered, and the queue tells a new chat its place as soon as it is queued: a place told in between
    /// reached nobody, so the transport asks for it once after it follows (a place told after that reaches it anyway).
    /// </summary>
    public async Task<QueuePosition?> PositionAsync(Actor contact, string conversationKey) =>
        (await grains.Grain<IConversationGrain>(conversationKey).GetSnapshot(contact)).Position;

    public Task<AppendResult> PostAsync(Actor contact, string conversationKey, string clientId, string text) =>
        grains.Grain<IConversationGrain>(conversationKey).Post(contact, clientId, text);

    /// <summary>A message with files: the contact's uploads are taken for the conversation first, and given back if it is refused.</summary>
    public async Task<AppendResult> PostWithFilesAsync(Actor contact, string conversationKey, string clientId, string? text, IReadOnlyList<string> uploadIds)
    {
        var claim = await attachments.ClaimAsync(contact.Site, Uploader.OfVisitor(contact.Id), GrainKeys.Parse(conversationKey).Id, uploadIds);
        try
        {
            return await grains.Grain<IConversationGrain>(conversationKey).Send(contact, new MessageDraft(clientId, text) { Attachments = claim.Files });
        }
        catch (SwitchboardException)
        {
            await attachments.ReleaseAsync(claim);
            throw;
        }
    }

    public Task<AppendResult> RequestCallbackAsync(Actor contact, string conversationKey, string clientId, string phone) =>
        grains.Grain<IConversationGrain>(conversationKey).RequestCallback(contact, clientId, phone);

    public Task TypingAsync(Actor contact, string conversationKey, string draft) =>
        grains.Grain<IConversationGrain>(conversationKey).VisitorTyping(contact, draft);

    /// <summary>A co-browsing frame of the visitor's: the conversation passes it on as its consent allows.</summary>
    public Task CoBrowseAsync(Actor contact, string conversationKey, string action, byte[] frame) =>
        grains.Grain<IConversationGrain>(conversationKey).CoBrowse(contact, action, frame);

    public Task CloseAsync(Actor contact, string conversationKey) =>
        grains.Grain<IConversationGrain>(conversationKey).Close(contact);

    public Task RateAsync(Actor contact, string conversationKey, int score, string? comment) =>
        grains.Grain<IConversationGrain>(conversationKey).Rate(contact, score, comment);

    /// <summary>
    /// A contact that arrives without a socket (a messenger, the phone) says who it is: its name on the platform, no
    /// visit to follow. Returns the contact with the name the visitor grain keeps.
    /// </summary>
    public async Task<Actor> IdentifyAsync(Actor contact, string? displayName)
    {
        var visitor = await Visitor(contact).Hello(new VisitorHello(null, null, null) { DisplayName = displayName }, null);
        return contact with { Name = visitor.Name };
    }

    /// <summary>Rates the contact's latest conversation (a messenger's rating button, tapped after the close).</summary>
    public async Task<bool> RateLatestAsync(Actor contact, int score)
    {
        var latest = (await Visitor(contact).GetConversations()).FirstOrDefault();
        if (latest is null)
        {
            return false;
        }
        await Conversation(contact, latest).Rate(contact, score, null);
        return true;
    }

    public Task PageAsync(Actor contact, string url, string? title, string? referrer) => Visitor(contact).Page(url, title, referrer);

    public Task CartAsync(Actor contact, Cart cart) => Visitor(contact).Cart(cart);

    /// <summary>The push token of the retailer's app the visitor chats in (docs/in-app.md).</summary>
    public Task PushTokenAsync(Actor contact, string? token, string? platform) => Visitor(contact).SetPushToken(token, platform);

    /// <summary>Accepts an invitation (the chat it opens) or declines it (null).</summary>
    public async Task<ChatJoined?> ReplyToInvitationAsync(Actor contact, string inviteId, bool accepted)
    {
        if (!accepted)
        {
            await Visitor(contact).DismissInvitation(inviteId);
            return null;
        }
        var result = await Visitor(contact).AcceptInvitation(inviteId, hub.Reference);
        return new ChatJoined(GrainKeys.Conversation(contact.Site, result.ConversationId), result);
    }

    /// <summary>Starts taking the pushes of a conversation the contact may read (its own start, or a resume the grain accepted).</summary>
    public void Follow(string conversationKey, IPushSubscriber subscriber) => hub.Follow(conversationKey, subscriber);

    public void Unfollow(string conversationKey, IPushSubscriber subscriber) => hub.Unfollow(conversationKey, subscriber);

    /// <summary>The contact left the transport: its visitor pushes stop, and the visitor grain learns it is gone.</summary>
    public void Leave(Actor contact, IPushSubscriber subscriber) => hub.UnfollowVisitor(GrainKeys.Visitor(contact.Site, contact.Id), subscriber);

    private IVisitorGrain Visitor(Actor contact) => grains.Grain<IVisitorGrain>(GrainKeys.Visitor(contact.Site, contact.Id));

    private IConversationGrain Conversation(Actor contact, string conversationId) =>
        grains.Grain<IConversationGrain>(GrainKeys.Conversation(contact.Site, conversationId));

    /// <summary>
    /// Asked at every hello, so on every page a visitor opens. It was the queue's whole snapshot (every waiting chat
    /// with its estimate, the roster, the day's figures), made in the queue's serial line, for a count: the longer the
    /// queue, the dearer each page view and the later the queue's next decision.
    /// </summary>
    private Task<int> OnlineOperators(string site, string defaultQueue) =>
        grains.Grain<IQueueGrain>(GrainKeys.Queue(site, defaultQueue)).GetOnlineOperators();
}
