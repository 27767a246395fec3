using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Gateway.Monitoring;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Operators;

/// <summary>
/// One operator console socket: reads the console's frames into the <see cref="OperatorWorkbench"/>'s calls and
/// renders its results and the grains' pushes as frames. The operator is whoever the token says; they follow their
/// own conversations, and every write is authorized again by the conversation grain.
/// </summary>
public sealed partial class OperatorSession(
    OperatorIdentity identity,
    SocketConnection connection,
    OperatorWorkbench workbench,
    MonitorFeed monitor,
    GatewaySettings options,
    ILogger logger) : ISocketSession, IPushSubscriber
{
    /// <summary>Meta's own limit on a template's name.</summary>
    private const int TemplateNameLength = 512;

    private readonly HashSet<string> _following = [];
    private readonly Lock _gate = new();
    private bool _welcomed;
    private IDisposable? _monitorFeed;

    public Task HandleAsync(InboundFrame frame) => FrameErrors.RunAsync(connection, frame, _dispatch ??= Dispatch, logger);

    /// <summary>The frame handler as a delegate, made once per socket rather than once per frame.</summary>
    private Func<InboundFrame, Task>? _dispatch;

    public void End()
    {
        StopCoBrowsing();
        _monitorFeed?.Dispose();
        workbench.SignOut(identity, this);
        lock (_gate)
        {
            foreach (var key in _following)
            {
                workbench.Unfollow(key, this);
            }
            _following.Clear();
        }
    }

    public void OnEvent(string conversationKey, ConversationEvent evt) => connection.SendEvent(conversationKey, evt);

    public void OnSignal(ConversationSignal signal)
    {
        if (signal.Type == SignalTypes.VisitorTyping)
        {
            connection.Send(EventFrames.Signal(GrainKeys.Parse(signal.ConversationKey).Id, signal));
        }
        else if (signal.Type == SignalTypes.VisitorUpdate)
        {
            var page = signal.Page is { } view ? new VisitedPage(view.Url, view.Title, view.Seconds) : null;
            connection.Send(FrameWriter.ToBytes(
                new VisitorUpdateFrame(GrainKeys.Parse(signal.ConversationKey).Id, page, signal.Cart), WireContext.Default.VisitorUpdateFrame));
        }
        else if (signal.CoBrowse is { } push)
        {
            SendCoBrowse(push, signal.ConversationKey);
        }
    }

    public void OnNotice(OperatorNotice notice)
    {
        switch (notice.Type)
        {
            case NoticeTypes.Assigned when Claim(GrainKeys.Conversation(identity.Site, notice.ConversationId!)):
                AssignedAsync(notice.ConversationId!).Ignore();
                break;
            case NoticeTypes.Unassigned:
                Unfollow(GrainKeys.Conversation(identity.Site, notice.ConversationId!));
                connection.Send(FrameWriter.ToBytes(new UnassignedFrame(notice.ConversationId!, notice.Reason), WireContext.Default.UnassignedFrame));
                break;
            case NoticeTypes.Status:
                connection.Send(FrameWriter.ToBytes(new StatusFrame(notice.Status), WireContext.Default.StatusFrame));
                break;
            case NoticeTypes.SignedOut:
                // The token this socket opened with no longer holds: the console signs in again (docs/security.md).
                connection.CloseForPolicy(notice.Reason ?? "signed_out");
                break;
        }
    }

    public void OnVisitorNotice(VisitorNotice notice)
    {
    }

    private Task Dispatch(InboundFrame frame)
    {
        if (!_welcomed && frame.Type != OperatorHelloFrame.Name)
        {
            throw new SwitchboardException(ErrorCodes.Unauthorized, "Send 'hello' first.");
        }
        return frame.Type switch
        {
            OperatorHelloFrame.Name => Hello(frame.Read(WireContext.Default.OperatorHelloFrame)),
            StatusFrame.Name => Status(frame.Read(WireContext.Default.StatusFrame)),
            OperatorMessageFrame.Name => Message(frame.Read(WireContext.Default.OperatorMessageFrame)),
            OperatorTemplateFrame.Name => Template(frame.Read(WireContext.Default.OperatorTemplateFrame)),
            OperatorTypingFrame.Name => Typing(frame.Read(WireContext.Default.OperatorTypingFrame)),
            OperatorCloseFrame.Name => Close(frame.Read(WireContext.Default.OperatorCloseFrame)),
            NoteFrame.Name => Note(frame.Read(WireContext.Default.NoteFrame)),
            WatchFrame.Name => Watch(frame.Read(WireContext.Default.WatchFrame)),
            TransferFrame.Name => Transfer(frame.Read(WireContext.Default.TransferFrame)),
            AcceptCallFrame.Name => AcceptCall(frame.Read(WireContext.Default.AcceptCallFrame)),
            DeclineCallFrame.Name => DeclineCall(frame.Read(WireContext.Default.DeclineCallFrame)),
            _ when CoBrowseFrames.IsCoBrowse(frame.Type) => CoBrowse(frame),
            _ => throw InboundFrame.Bad($"Unknown frame type '{frame.Type}'."),
        };
    }

    private async Task Hello(OperatorHelloFrame frame)
    {
        if (_welcomed)
        {
            throw InboundFrame.Bad("'hello' was already sent.");
        }
        var resume = frame.Resume ?? new Dictionary<string, long>();
        var me = await workbench.SignInAsync(identity, this);
        foreach (var id in me.Conversations)
        {
            // Listed in the welcome below: a repeated notice for one of them must not send it twice.
            Claim(GrainKeys.Conversation(identity.Site, id));
        }
        var conversations = await workbench.OpenChatsAsync(identity, me.Conversations);
        _welcomed = true;
        Announce(
            FrameWriter.ToBytes(new OperatorWelcomeFrame(
                new WelcomeOperator(me.Id, me.Name, me.Status, me.Capacity, me.Role, me.Missed),
                [.. conversations.Select(c => new WelcomeChat(c.Id, c.Status, c.LastSeq, new WelcomeChatVisitor(c.VisitorId, c.VisitorName, c.Channel)))]),
                WireContext.Default.OperatorWelcomeFrame),
            [.. conversations.Select(c => (GrainKeys.Conversation(identity.Site, c.Id), resume.GetValueOrDefault(c.Id)))]);
        if (identity.Role == Roles.Supervisor)
        {
            _monitorFeed = monitor.Start(connection, identity.Site);
        }
    }

    private async Task Status(StatusFrame frame)
    {
        var status = FieldRules.Required(frame.Status, "status");
        if (!OperatorStatus.IsValid(status))
        {
            throw InboundFrame.Bad("'status' is online, away or offline.");
        }
        await workbench.SetStatusAsync(identity, status);
    }

    private async Task Message(OperatorMessageFrame frame)
    {
        var clientId = FieldRules.ClientId(frame.Id);
        var conversationId = ConversationId(frame.ConversationId);
        var text = FieldRules.Text(frame.Text, "text", options.MaxTextLength, required: frame.Attachments is not { Count: > 0 });
        var result = frame.Attachments is { Count: > 0 } files
            ? await workbench.PostWithFilesAsync(identity, conversationId, clientId, text, frame.QuickReplies, files)
            : await workbench.PostAsync(identity, conversationId, clientId, text!, frame.QuickReplies);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Template(OperatorTemplateFrame frame)
    {
        var clientId = FieldRules.ClientId(frame.Id);
        var conversationId = ConversationId(frame.ConversationId);
        var template = FieldRules.Text(frame.Template, "template", TemplateNameLength, required: true)!;
        var language = FieldRules.Text(frame.Language, "language", TemplateNameLength, required: false);
        var result = await workbench.PostTemplateAsync(identity, conversationId, clientId, template, language);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Note(NoteFrame frame)
    {
        var clientId = FieldRules.ClientId(frame.Id);
        var conversationId = ConversationId(frame.ConversationId);
        var text = FieldRules.Text(frame.Text, "text", options.MaxTextLength, required: true)!;
        var result = await workbench.AddNoteAsync(identity, conversationId, clientId, text);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private Task Typing(OperatorTypingFrame frame) => workbench.TypingAsync(identity, ConversationId(frame.ConversationId));

    private Task Close(OperatorCloseFrame frame) => workbench.CloseAsync(identity, ConversationId(frame.ConversationId), frame.Tags);

    private Task Transfer(TransferFrame frame) => workbench.TransferAsync(
        identity, ConversationId(frame.ConversationId), frame.ToOperator, frame.ToQueue,
        FieldRules.Text(frame.Note, "note", options.MaxTextLength, required: false));

    private Task AcceptCall(AcceptCallFrame frame) => workbench.AcceptCallAsync(identity, ConversationId(frame.ConversationId));

    private Task DeclineCall(DeclineCallFrame frame) => workbench.DeclineCallAsync(identity, ConversationId(frame.ConversationId));

    /// <summary>A supervisor opens any chat of the site read-only: its transcript, then live events.</summary>
    private async Task Watch(WatchFrame frame)
    {
        var snapshot = await workbench.WatchAsync(identity, ConversationId(frame.ConversationId));
        Announce(
            FrameWriter.ToBytes(new WatchingFrame(snapshot.Id, snapshot.Status, snapshot.OperatorId), WireContext.Default.WatchingFrame),
            (GrainKeys.Conversation(identity.Site, snapshot.Id), 0));
    }

    /// <summary>A chat was given to this operator: send it whole, then follow it live.</summary>
    private async Task AssignedAsync(string conversationId)
    {
        var key = GrainKeys.Conversation(identity.Site, conversationId);
        try
        {
            var assignment = await workbench.LoadAssignmentAsync(identity, conversationId);
            var (snapshot, transcript, visit, assignedSeq) = assignment;
            var visitor = new VisitorCard(
                visit.VisitorId, visit.Name ?? snapshot.VisitorName, [.. visit.Pages.Select(p => new VisitedPage(p.Url, p.Title, p.Seconds))],
                visit.Cart, visit.Source, visit.Returning, Verified: visit.CustomerId is not null, Channel: snapshot.Channel,
                Email: assignment.EmailAddress);
            Announce(
                FrameWriter.ToBytes(new AssignedFrame(
                    conversationId, assignedSeq, snapshot.Queue, EventFrames.Form(assignment.Form), visitor,
                    [.. transcript.Select(evt => EventFrames.ToFrame(conversationId, evt, Audience.Operator))]),
                    WireContext.Default.AssignedFrame),
                (key, transcript.Count == 0 ? 0 : transcript[^1].Seq));
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                // Not delivered: a later notice (the hub repeats them when it renews) may try again.
                _following.Remove(key);
            }
            workbench.Unfollow(key, this);
            logger.LogWarning(error, "Could not deliver assignment {Conversation}", conversationId);
            connection.Send(EventFrames.Error(ErrorCodes.Unavailable, "A new chat could not be loaded; reconnect to see it."));
        }
    }

    /// <summary>True the first time: this socket takes on the conversation; false when it already has it.</summary>
    private bool Claim(string key)
    {
        lock (_gate)
        {
            return _following.Add(key);
        }
    }

    /// <summary>
    /// Tells the console of conversations with <paramref name="frame"/> and follows them live. Their pushes are taken
    /// before the frame goes out, so a visitor typing the moment the operator sees a chat reaches them; events pushed
    /// before the attach are dropped by the socket and caught up by it.
    /// </summary>
    private void Announce(byte[] frame, params ReadOnlySpan<(string Key, long AfterSeq)> conversations)
    {
        lock (_gate)
        {
            foreach (var (key, _) in conversations)
            {
                _following.Add(key);
            }
        }
        foreach (var (key, _) in conversations)
        {
            workbench.Follow(key, this);
        }
        connection.Send(frame);
        foreach (var (key, afterSeq) in conversations)
        {
            connection.Attach(key, afterSeq);
        }
    }

    private void Unfollow(string key)
    {
        lock (_gate)
        {
            _following.Remove(key);
        }
        workbench.Unfollow(key, this);
        connection.Detach(key);
    }

    private static string ConversationId(string? id)
    {
        var value = FieldRules.Required(id, "conversationId");
        return value.Length <= 64 ? value : throw InboundFrame.Bad("'conversationId' is not valid.");
    }
}
