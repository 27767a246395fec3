using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Contacts;
using Switchboard.Gateway.Sockets;
using Switchboard.Grains.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// One visitor socket: translates the visitor's frames into grain calls and the grains' pushes into frames.
/// The visitor is whoever the signed token says; without a valid one, a new visitor is issued.
/// </summary>
public sealed partial class VisitorSession(
    string site,
    SiteConfig config,
    SocketConnection connection,
    ContactDesk desk,
    TokenService tokens,
    VisitorPresenceBoard presence,
    GatewayOptions options,
    ILogger logger) : ISocketSession, IPushSubscriber
{
    private Actor? _visitor;
    private string? _conversationKey;

    public Task HandleAsync(InboundFrame frame) => FrameErrors.RunAsync(connection, frame, Dispatch, logger);

    /// <summary>Stops following everything this socket followed.</summary>
    public void End()
    {
        if (_conversationKey is not null)
        {
            desk.Unfollow(_conversationKey, this);
        }
        if (_visitor is not null)
        {
            desk.Leave(_visitor, this);
            presence.Remove(this);
        }
    }

    public void OnEvent(string conversationKey, ConversationEvent evt)
    {
        if (evt.Type == EventTypes.Closed && conversationKey == _conversationKey)
        {
            presence.Update(this, v => v with { Chatting = false });
        }
        connection.SendEvent(conversationKey, evt);
    }

    public void OnSignal(ConversationSignal signal)
    {
        if (signal.Type is SignalTypes.Queued or SignalTypes.OperatorTyping)
        {
            connection.Send(EventFrames.Signal(GrainKeys.Parse(signal.ConversationKey).Id, signal));
        }
    }

    public void OnNotice(OperatorNotice notice)
    {
    }

    private Task Dispatch(InboundFrame frame)
    {
        if (_visitor is null && frame.Type != "hello")
        {
            throw new SwitchboardException(ErrorCodes.Unauthorized, "Send 'hello' first.");
        }
        return frame.Type switch
        {
            "hello" => Hello(frame),
            "start_chat" => StartChat(frame),
            "message" => Message(frame),
            "typing" => Typing(frame),
            "close" => Close(),
            "rate" => Rate(frame),
            "callback" => Callback(frame),
            "page" => Page(frame),
            "cart" => Cart(frame),
            "invite_reply" => InviteReply(frame),
            _ => throw InboundFrame.Bad($"Unknown frame type '{frame.Type}'."),
        };
    }

    private async Task Hello(InboundFrame frame)
    {
        if (_visitor is not null)
        {
            throw InboundFrame.Bad("'hello' was already sent.");
        }
        var token = frame.OptionalString("visitorToken");
        var visitorId = tokens.ReadVisitor(site, token);
        if (token is not null && visitorId is null)
        {
            connection.Send(EventFrames.Error(ErrorCodes.Unauthorized, "The visitor token is not valid here; a new visitor was issued."));
        }
        visitorId ??= GrainKeys.NewId();
        var language = frame.OptionalString("language") is { Length: <= 16 } lang ? lang : null;
        var region = frame.OptionalString("region") is { Length: <= 64 } reg ? reg : null;
        var identity = IdentityVerifier.Verify(frame, config.IdentitySecret, connection);
        var widget = RolloutShare.Includes(visitorId, config.Invitations.WidgetSharePercent);
        var hello = new ContactHello(site, visitorId, identity, language, region, ResumePoint(frame), FollowsVisitor: widget);
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
        connection.Send(WireJson.Frame(new
        {
            type = "welcome",
            visitorId,
            visitorToken = tokens.IssueVisitor(site, visitorId),
            widget,
            conversation = conversation is null ? null : new { id = conversation.Id, status = conversation.Status, lastSeq = conversation.LastSeq },
            online = welcome.OnlineOperators,
            site = new
            {
                name = config.Name,
                language = config.Language,
                defaultQueue = config.DefaultQueue,
                queues = config.Queues.Select(q => new
                {
                    id = q.Id, name = q.Name, form = q.Form.Select(f => new { id = f.Id, label = f.Label, required = f.Required }),
                }),
            },
        }));
        if (conversation is not null)
        {
            Follow(GrainKeys.Conversation(site, conversation.Id), welcome.AfterSeq);
            if (conversation.Position is { } position)
            {
                OnSignal(new ConversationSignal(_conversationKey!, SignalTypes.Queued, position.Position, position.EtaSeconds));
            }
        }
    }

    /// <summary>Resume where the client says; without it, the desk replays the open conversation from the start.</summary>
    private static ConversationCursor? ResumePoint(InboundFrame frame)
    {
        if (frame.OptionalObject("resume") is not { } resume)
        {
            return null;
        }
        var id = resume.TryGetProperty("conversationId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var lastSeq = resume.TryGetProperty("lastSeq", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : 0;
        if (string.IsNullOrEmpty(id) || id.Length > 64 || lastSeq < 0)
        {
            throw InboundFrame.Bad("'resume' needs a conversationId and a lastSeq of 0 or more.");
        }
        return new ConversationCursor(id, lastSeq);
    }

    private async Task StartChat(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var request = new StartChatRequest(clientId, frame.OptionalString("queue"), frame.Text("text", options.MaxTextLength, required: false), Form(frame));
        Joined(clientId, await desk.StartChatAsync(_visitor!, request));
    }

    private async Task Message(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await desk.PostAsync(_visitor!, ConversationKey(), clientId, frame.Text("text", options.MaxTextLength, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Callback(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await desk.RequestCallbackAsync(_visitor!, ConversationKey(), clientId, frame.Text("phone", 32, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    /// <summary>The pre-chat form: an object of short strings.</summary>
    private static Dictionary<string, string>? Form(InboundFrame frame)
    {
        if (frame.OptionalObject("form") is not { } form)
        {
            return null;
        }
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.EnumerateObject().Take(32))
        {
            if (field.Value.ValueKind != JsonValueKind.String)
            {
                throw InboundFrame.Bad($"Form field '{field.Name}' must be a string.");
            }
            answers[field.Name] = field.Value.GetString()!;
        }
        return answers;
    }

    private Task Typing(InboundFrame frame) =>
        _conversationKey is null ? Task.CompletedTask : desk.TypingAsync(_visitor!, _conversationKey, frame.Text("draft", options.MaxTextLength, required: false) ?? "");

    private Task Close() => desk.CloseAsync(_visitor!, ConversationKey());

    private Task Rate(InboundFrame frame) => desk.RateAsync(_visitor!, ConversationKey(), frame.RequiredInt("score"), frame.Text("comment", options.MaxTextLength, required: false));

    /// <summary>A chat was started or joined (an accepted invitation): follow it, show the visitor chatting, acknowledge.</summary>
    private void Joined(string clientId, ChatJoined joined)
    {
        if (joined.ConversationKey != _conversationKey)
        {
            Follow(joined.ConversationKey, 0);
        }
        presence.Update(this, v => v with { Chatting = true });
        connection.Send(EventFrames.Ack(clientId, joined.Result));
    }

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
