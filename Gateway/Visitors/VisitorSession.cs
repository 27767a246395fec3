using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Gateway.Contacts;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Sockets;
using Switchboard.Domain.Invitations;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// One visitor socket: reads the visitor's frames into the <see cref="ContactDesk"/>'s requests and turns its results
/// and the grains' pushes into frames. The visitor is whoever the signed token says; without a valid one, a new
/// visitor is issued.
/// </summary>
public sealed partial class VisitorSession(
    string site,
    SiteConfig config,
    SocketConnection connection,
    ContactDesk desk,
    TokenService tokens,
    IdentityVerifier identities,
    VisitorPresenceBoard presence,
    GatewaySettings options,
    ILogger logger) : ISocketSession, IPushSubscriber
{
    private Actor? _visitor;
    private string? _conversationKey;

    /// <summary>New visitors per address, chat starts per visitor, the typing preview's length.</summary>
    public required VisitorAllowance Allowance { get; init; }

    /// <summary>The client's address, as <see cref="AddressGuard"/> counts it.</summary>
    public required string Address { get; init; }

    public Task HandleAsync(InboundFrame frame) => FrameErrors.RunAsync(connection, frame, _dispatch ??= Dispatch, logger);

    /// <summary>The frame handler as a delegate, made once per socket rather than once per frame.</summary>
    private Func<InboundFrame, Task>? _dispatch;

    /// <summary>Stops following everything this socket followed.</summary>
    public void End()
    {
        StopSharingPage();
        if (_conversationKey is not null)
        {
            desk.Unfollow(_conversationKey, this);
        }
        if (_visitor is not null)
        {
            desk.Leave(_visitor, this);
            presence.Remove(this, site);
        }
    }

    public void OnEvent(string conversationKey, ConversationEvent evt)
    {
        if (evt.Type == EventTypes.Closed && conversationKey == _conversationKey)
        {
            presence.Update(this, site, v => v with { Chatting = false });
        }
        connection.SendEvent(conversationKey, evt);
    }

    public void OnSignal(ConversationSignal signal)
    {
        if (signal.Type is SignalTypes.Queued or SignalTypes.OperatorTyping)
        {
            connection.Send(EventFrames.Signal(GrainKeys.Parse(signal.ConversationKey).Id, signal));
        }
        else if (signal.CoBrowse is { } push)
        {
            SendCoBrowse(push, signal.ConversationKey);
        }
    }

    public void OnNotice(OperatorNotice notice)
    {
    }

    private Task Dispatch(InboundFrame frame)
    {
        if (_visitor is null && frame.Type != VisitorHelloFrame.Name)
        {
            throw new SwitchboardException(ErrorCodes.Unauthorized, "Send 'hello' first.");
        }
        return frame.Type switch
        {
            VisitorHelloFrame.Name => Hello(frame.Read(WireContext.Default.VisitorHelloFrame)),
            StartChatFrame.Name => StartChat(frame.Read(WireContext.Default.StartChatFrame)),
            VisitorMessageFrame.Name => Message(frame.Read(WireContext.Default.VisitorMessageFrame)),
            VisitorTypingFrame.Name => Typing(frame.Read(WireContext.Default.VisitorTypingFrame)),
            VisitorCloseFrame.Name => Close(),
            RateFrame.Name => Rate(frame.Read(WireContext.Default.RateFrame)),
            CallbackFrame.Name => Callback(frame.Read(WireContext.Default.CallbackFrame)),
            PageFrame.Name => Page(frame.Read(WireContext.Default.PageFrame)),
            CartFrame.Name => Cart(frame.Read(WireContext.Default.CartFrame)),
            PushTokenFrame.Name => PushToken(frame.Read(WireContext.Default.PushTokenFrame)),
            InviteReplyFrame.Name => InviteReply(frame.Read(WireContext.Default.InviteReplyFrame)),
            _ when CoBrowseFrames.IsCoBrowse(frame.Type) => CoBrowse(frame),
            _ => throw InboundFrame.Bad($"Unknown frame type '{frame.Type}'."),
        };
    }

    private async Task Hello(VisitorHelloFrame frame)
    {
        if (_visitor is not null)
        {
            throw InboundFrame.Bad("'hello' was already sent.");
        }
        var visitorId = tokens.ReadVisitor(site, frame.VisitorToken);
        if (visitorId is null)
        {
            // Each hello without a valid token creates a visitor (a grain, a visit): counted per address.
            Allowance.CreateVisitor(Address);
        }
        if (frame.VisitorToken is not null && visitorId is null)
        {
            connection.Send(EventFrames.Error(ErrorCodes.Unauthorized, "The visitor token is not valid here; a new visitor was issued."));
        }
        visitorId ??= GrainKeys.NewId();
        var language = frame.Language is { Length: <= 16 } lang ? lang : null;
        var region = frame.Region is { Length: <= 64 } reg ? reg : null;
        var identity = identities.Verify(frame.Identity, config, connection);
        var widget = RolloutShare.Includes(visitorId, config.Invitations.WidgetSharePercent);
        var hello = new ContactHello(site, visitorId, identity, language, region, ResumePoint(frame.Resume), FollowsVisitor: widget);
        var welcome = await desk.HelloAsync(hello, config.DefaultQueue, this);
        _visitor = welcome.Contact;
        if (widget)
        {
            ShowOnline(welcome.Visitor);
        }
        if (welcome.ResumeRefused is { } refusal)
        {
            // Someone else's conversation, or none: the visitor is told, and learns nothing about it.
            connection.Send(EventFrames.Error(refusal.Code, refusal.Message));
        }
        var conversation = welcome.Conversation;
        connection.Send(FrameWriter.ToBytes(new VisitorWelcomeFrame(
            visitorId,
            tokens.IssueVisitor(site, visitorId),
            widget,
            conversation is null ? null : new WelcomeConversation(conversation.Id, conversation.Status, conversation.LastSeq),
            welcome.OnlineOperators,
            new WelcomeSite(config.Name, config.Language, config.DefaultQueue, [.. config.Queues.Select(q => new WelcomeQueue(
                q.Id, q.Name, [.. q.Form.Select(f => new WelcomeFormField(f.Id, f.Label, f.Required))]))])),
            WireContext.Default.VisitorWelcomeFrame));
        if (conversation is not null)
        {
            Follow(GrainKeys.Conversation(site, conversation.Id), welcome.AfterSeq);
            if (conversation.Position is { } position)
            {
                SendPlace(_conversationKey!, position);
            }
            if (conversation.CoBrowseAsked)
            {
                connection.Send(CoBrowseFrames.Asked(conversation.Id));
            }
        }
    }

    /// <summary>Resume where the client says; without it, the desk replays the open conversation from the start.</summary>
    private static ConversationCursor? ResumePoint(ResumeCursor? resume)
    {
        if (resume is null)
        {
            return null;
        }
        var (id, lastSeq) = (resume.ConversationId, resume.LastSeq ?? 0);
        if (string.IsNullOrEmpty(id) || id.Length > 64 || lastSeq < 0)
        {
            throw InboundFrame.Bad("'resume' needs a conversationId and a lastSeq of 0 or more.");
        }
        return new ConversationCursor(id, lastSeq);
    }

    private async Task StartChat(StartChatFrame frame)
    {
        var clientId = FieldRules.ClientId(frame.Id);
        var text = FieldRules.Text(frame.Text, "text", options.MaxTextLength, required: false);
        Allowance.StartChat(GrainKeys.Visitor(site, _visitor!.Id));
        var request = new StartChatRequest(clientId, frame.Queue, text, Form(frame.Form));
        Joined(clientId, await desk.StartChatAsync(_visitor!, request));
    }

    private async Task Message(VisitorMessageFrame frame)
    {
        var clientId = FieldRules.ClientId(frame.Id);
        var result = frame.Attachments is { Count: > 0 } files
            ? await desk.PostWithFilesAsync(
                _visitor!, ConversationKey(), clientId, FieldRules.Text(frame.Text, "text", options.MaxTextLength, required: false), files)
            : await desk.PostAsync(
                _visitor!, ConversationKey(), clientId, FieldRules.Text(frame.Text, "text", options.MaxTextLength, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Callback(CallbackFrame frame)
    {
        var clientId = FieldRules.ClientId(frame.Id);
        var result = await desk.RequestCallbackAsync(
            _visitor!, ConversationKey(), clientId, FieldRules.Text(frame.Phone, "phone", 32, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    /// <summary>The pre-chat form: an object of short strings, its first 32 fields.</summary>
    private static Dictionary<string, string>? Form(IReadOnlyDictionary<string, string>? form) =>
        form?.Take(32).ToDictionary(StringComparer.Ordinal);

    /// <summary>The draft is a preview for the operator: cut to its limit rather than refused.</summary>
    private Task Typing(VisitorTypingFrame frame) => _conversationKey is null
        ? Task.CompletedTask
        : desk.TypingAsync(_visitor!, _conversationKey, Preview(FieldRules.Text(frame.Draft, "draft", options.MaxTextLength, required: false)));

    private string Preview(string? draft) => draft is null ? "" : draft.Length > Allowance.DraftLength ? draft[..Allowance.DraftLength] : draft;

    private Task Close() => desk.CloseAsync(_visitor!, ConversationKey());

    private Task Rate(RateFrame frame) => desk.RateAsync(
        _visitor!, ConversationKey(), frame.Score ?? throw InboundFrame.Bad("'score' must be a whole number."),
        FieldRules.Text(frame.Comment, "comment", options.MaxTextLength, required: false));

    /// <summary>A chat was started or joined (an accepted invitation): follow it, show the visitor chatting, acknowledge.</summary>
    private void Joined(string clientId, ChatJoined joined)
    {
        if (joined.ConversationKey != _conversationKey)
        {
            Follow(joined.ConversationKey, 0);
            _ = SendPositionAsync(joined.ConversationKey);
        }
        presence.Update(this, site, v => v with { Chatting = true });
        connection.Send(EventFrames.Ack(clientId, joined.Result));
    }

    /// <summary>
    /// The new chat's place in its queue, which the queue may have told before this session followed the chat
    /// (<see cref="ContactDesk.PositionAsync"/>): without it the widget showed no place or wait until the line moved.
    /// </summary>
    private async Task SendPositionAsync(string conversationKey)
    {
        try
        {
            if (await desk.PositionAsync(_visitor!, conversationKey) is { } position && conversationKey == _conversationKey)
            {
                SendPlace(conversationKey, position);
            }
        }
        catch (Exception error)
        {
            // The next change of place is pushed as usual; nothing to tell the visitor.
            logger.LogDebug(error, "Reading the place of {Conversation} in its queue failed", conversationKey);
        }
    }

    /// <summary>A place the session read itself (on a resume, after a start), sent as the queue's own push would be.</summary>
    private void SendPlace(string conversationKey, QueuePosition position) =>
        OnSignal(new ConversationSignal(conversationKey, SignalTypes.Queued, position.Position, position.EtaSeconds));

    private void Follow(string conversationKey, long afterSeq)
    {
        if (_conversationKey is not null)
        {
            connection.Detach(_conversationKey);
            desk.Unfollow(_conversationKey, this);
        }
        _conversationKey = conversationKey;
        desk.Follow(conversationKey, this);
        connection.Attach(conversationKey, afterSeq);
    }

    private string ConversationKey() => _conversationKey ?? throw InboundFrame.Bad("There is no conversation yet: send 'start_chat'.");
}
