using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Attachments;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Operators;

/// <summary>
/// The operator side's grain orchestration, apart from any transport: the console's socket parses frames and
/// renders results; this signs operators in, loads their chats and carries their writes, each of which the
/// conversation grain authorizes again.
/// </summary>
public sealed class OperatorWorkbench(
    IGrainFactory grains, PushHub hub, AttachmentClaims attachments, AttachmentLinks links, IOptions<ClientLimits> limits)
{
    /// <summary>Follows the operator's notices, then subscribes at their grain: nothing given meanwhile is missed.</summary>
    public Task<OperatorSnapshot> SignInAsync(OperatorIdentity identity, IPushSubscriber subscriber)
    {
        var operatorKey = OperatorKey(identity);
        hub.FollowOperator(operatorKey, subscriber);
        return grains.Grain<IOperatorGrain>(operatorKey).Subscribe(hub.Reference);
    }

    public void SignOut(OperatorIdentity identity, IPushSubscriber subscriber) => hub.UnfollowOperator(OperatorKey(identity), subscriber);

    /// <summary>Subscribes each of the operator's open conversations, in order.</summary>
    public async Task<IReadOnlyList<ConversationSnapshot>> OpenChatsAsync(OperatorIdentity identity, IEnumerable<string> conversationIds)
    {
        var conversations = new List<ConversationSnapshot>();
        foreach (var id in conversationIds)
        {
            conversations.Add(await Conversation(identity, id).Subscribe(identity.ToActor(), hub.Reference));
        }
        return conversations;
    }

    /// <summary>
    /// A chat was given to the operator: subscribe it, and load the latest of its transcript (whole up to
    /// <see cref="ClientLimits.AssignedEvents"/>; the console loads older parts over HTTP) and the visit's latest pages.
    /// </summary>
    public async Task<OperatorAssignment> LoadAssignmentAsync(OperatorIdentity identity, string conversationId)
    {
        var actor = identity.ToActor();
        var conversation = Conversation(identity, conversationId);
        var snapshot = await conversation.Subscribe(actor, hub.Reference);
        var from = Math.Max(0, snapshot.LastSeq - limits.Value.AssignedEvents);
        // Files in the transcript open with links signed for this operator, as in the frames that follow.
        var transcript = (await conversation.GetEvents(actor, from, limits.Value.AssignedEvents)).Select(links.Sign).ToList();
        // The pre-chat form lives on the first event, which a long transcript no longer carries.
        var started = from == 0 ? transcript.FirstOrDefault() : (await conversation.GetEvents(actor, 0, 1)).FirstOrDefault();
        var visit = await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(identity.Site, snapshot.VisitorId)).GetVisit();
        visit = visit with { Pages = [.. visit.Pages.TakeLast(limits.Value.AssignedPages)] };
        var assignedSeq = transcript.LastOrDefault(e => e.Type == EventTypes.Assigned)?.Seq ?? snapshot.LastSeq;
        return new OperatorAssignment(snapshot, transcript, visit, assignedSeq)
        {
            Form = started?.Form,
            EmailAddress = await EmailAddressAsync(identity.Site, snapshot.Channel, started?.ContactId),
        };
    }

    /// <summary>An e-mail conversation's contact id is its thread's key (docs/channels-email.md); the thread knows the address.</summary>
    private async Task<string?> EmailAddressAsync(string site, string channel, string? threadKey) =>
        channel == ChannelNames.Email && threadKey is not null
            ? (await grains.Grain<IEmailThreadGrain>(GrainKeys.EmailThread(site, threadKey)).Get())?.Address
            : null;

    /// <summary>A supervisor opens any chat of the site read-only; operators are refused.</summary>
    public Task<ConversationSnapshot> WatchAsync(OperatorIdentity identity, string conversationId) =>
        identity.Role == Roles.Supervisor
            ? Conversation(identity, conversationId).Subscribe(identity.ToActor(), hub.Reference)
            : throw SwitchboardException.Forbidden("Only supervisors watch other operators' chats.");

    public Task SetStatusAsync(OperatorIdentity identity, string status) => grains.Grain<IOperatorGrain>(OperatorKey(identity)).SetStatus(status);

    public Task<AppendResult> PostAsync(
        OperatorIdentity identity, string conversationId, string clientId, string text, IReadOnlyList<string>? quickReplies) =>
        Conversation(identity, conversationId).Post(identity.ToActor(), clientId, text, quickReplies);

    /// <summary>One of the site's approved WhatsApp templates, the only message WhatsApp takes once the 24-hour window is closed.</summary>
    public Task<AppendResult> PostTemplateAsync(
        OperatorIdentity identity, string conversationId, string clientId, string template, string? language) =>
        Conversation(identity, conversationId).Send(identity.ToActor(), new MessageDraft(clientId, null) { Template = template, TemplateLanguage = language });

    /// <summary>A message with files: the operator's uploads are taken for the conversation first, and given back if it is refused.</summary>
    public async Task<AppendResult> PostWithFilesAsync(
        OperatorIdentity identity, string conversationId, string clientId, string? text, IReadOnlyList<string>? quickReplies, IReadOnlyList<string> uploadIds)
    {
        var claim = await attachments.ClaimAsync(identity.Site, Uploader.OfOperator(identity.Login), conversationId, uploadIds);
        try
        {
            return await Conversation(identity, conversationId).Send(
                identity.ToActor(), new MessageDraft(clientId, text) { QuickReplies = quickReplies, Attachments = claim.Files });
        }
        catch (SwitchboardException)
        {
            await attachments.ReleaseAsync(claim);
            throw;
        }
    }

    public Task<AppendResult> AddNoteAsync(OperatorIdentity identity, string conversationId, string clientId, string text) =>
        Conversation(identity, conversationId).AddNote(identity.ToActor(), clientId, text);

    public Task TypingAsync(OperatorIdentity identity, string conversationId) =>
        Conversation(identity, conversationId).OperatorTyping(identity.ToActor());

    /// <summary>A co-browsing frame of the operator's: the conversation passes it on as the visitor's consent allows.</summary>
    public Task CoBrowseAsync(OperatorIdentity identity, string conversationId, string action, byte[] frame) =>
        Conversation(identity, conversationId).CoBrowse(identity.ToActor(), action, frame);

    public Task CloseAsync(OperatorIdentity identity, string conversationId, IReadOnlyList<string>? tags) =>
        Conversation(identity, conversationId).Close(identity.ToActor(), tags);

    public Task TransferAsync(OperatorIdentity identity, string conversationId, string? toOperator, string? toQueue, string? note) =>
        Conversation(identity, conversationId).Transfer(identity.ToActor(), toOperator, toQueue, note);

    /// <summary>The operator takes the call ringing in their console: the call grain tells the PBX to put it through.</summary>
    public async Task AcceptCallAsync(OperatorIdentity identity, string conversationId)
    {
        var snapshot = await Conversation(identity, conversationId).GetSnapshot(identity.ToActor());
        if (snapshot.WaitingCallId is not { } callId || snapshot.OperatorId != identity.Login)
        {
            throw SwitchboardException.BadRequest("No call rings for you in this conversation.");
        }
        await grains.Grain<ICallGrain>(GrainKeys.Call(identity.Site, callId)).Accept(identity.Login, snapshot.OperatorName ?? identity.Name);
    }

    /// <summary>The operator turns the ringing call down: it moves on to the next operator or the menu.</summary>
    public Task DeclineCallAsync(OperatorIdentity identity, string conversationId) =>
        Conversation(identity, conversationId).DeclineCall(identity.ToActor());

    public void Follow(string conversationKey, IPushSubscriber subscriber) => hub.Follow(conversationKey, subscriber);

    public void Unfollow(string conversationKey, IPushSubscriber subscriber) => hub.Unfollow(conversationKey, subscriber);

    private static string OperatorKey(OperatorIdentity identity) => GrainKeys.Operator(identity.Site, identity.Login);

    private IConversationGrain Conversation(OperatorIdentity identity, string conversationId) =>
        grains.Grain<IConversationGrain>(GrainKeys.Conversation(identity.Site, conversationId));
}
