using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Sockets;
using Switchboard.Domain.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// One visitor socket: translates the visitor's frames into grain calls and the grains' pushes into frames.
/// The visitor is whoever the signed token says; without a valid one, a new visitor is issued.
/// </summary>
public sealed partial class VisitorSession(
    string site,
    SiteConfig config,
    SocketConnection connection,
    PushHub hub,
    IGrainFactory grains,
    TokenService tokens,
    VisitorPresenceBoard presence,
    GatewayOptions options,
    ILogger logger) : ISocketSession
{
    private Actor? _visitor;
    private string? _conversationKey;

    public Task HandleAsync(InboundFrame frame) => FrameErrors.RunAsync(connection, frame, Dispatch, logger);

    /// <summary>Stops following everything this socket followed.</summary>
    public void End()
    {
        if (_conversationKey is not null)
        {
            hub.Unfollow(_conversationKey, this);
        }
        if (_visitor is not null)
        {
            hub.UnfollowVisitor(VisitorKey, this);
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
        // Follow before saying hello, so an invitation pushed at once is not missed.
        _visitor = new Actor(ActorKind.Visitor, site, visitorId);
        if (widget)
        {
            hub.FollowVisitor(VisitorKey, this);
        }
        try
        {
            await Welcome(frame, visitorId, widget, identity, language, region);
        }
        catch
        {
            // A hello that failed part-way (the cluster was busy) leaves the socket free to send it again.
            if (widget)
            {
                hub.UnfollowVisitor(VisitorKey, this);
            }
            _visitor = null;
            throw;
        }
    }

    private async Task Welcome(InboundFrame frame, string visitorId, bool widget, VerifiedIdentity? identity, string? language, string? region)
    {
        var visitor = await grains.GetGrain<IVisitorGrain>(VisitorKey).Hello(new VisitorHello(identity, language, region), widget ? hub.Reference : null);
        _visitor = _visitor! with { Name = visitor.Name };
        if (widget)
        {
            ShowOnline(visitor);
        }

        var (conversationId, afterSeq) = ResumePoint(frame, visitor);
        ConversationSnapshot? conversation = null;
        if (conversationId is not null)
        {
            conversation = await TrySubscribe(conversationId, _visitor);
        }
        var online = await OnlineOperators();
        connection.Send(WireJson.Frame(new
        {
            type = "welcome",
            visitorId,
            visitorToken = tokens.IssueVisitor(site, visitorId),
            widget,
            conversation = conversation is null ? null : new { id = conversation.Id, status = conversation.Status, lastSeq = conversation.LastSeq },
            online,
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
            Follow(GrainKeys.Conversation(site, conversation.Id), afterSeq);
            if (conversation.Position is { } position)
            {
                OnSignal(new ConversationSignal(_conversationKey!, SignalTypes.Queued, position.Position, position.EtaSeconds));
            }
        }
    }

    /// <summary>Resume where the client says, or replay the open conversation from the start.</summary>
    private static (string? ConversationId, long AfterSeq) ResumePoint(InboundFrame frame, VisitorSnapshot visitor)
    {
        if (frame.OptionalObject("resume") is { } resume)
        {
            var id = resume.TryGetProperty("conversationId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var lastSeq = resume.TryGetProperty("lastSeq", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : 0;
            if (string.IsNullOrEmpty(id) || id.Length > 64 || lastSeq < 0)
            {
                throw InboundFrame.Bad("'resume' needs a conversationId and a lastSeq of 0 or more.");
            }
            return (id, lastSeq);
        }
        return (visitor.OpenConversationId, 0);
    }

    private async Task<ConversationSnapshot?> TrySubscribe(string conversationId, Actor visitor)
    {
        try
        {
            return await grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId)).Subscribe(visitor, hub.Reference);
        }
        catch (SwitchboardException refusal)
        {
            // Someone else's conversation, or none: the visitor is told, and learns nothing about it.
            connection.Send(EventFrames.Error(refusal.Code, refusal.Message));
            return null;
        }
    }

    private async Task StartChat(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var request = new StartChatRequest(clientId, frame.OptionalString("queue"), frame.Text("text", options.MaxTextLength, required: false), Form(frame));
        var result = await grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, _visitor!.Id)).StartChat(request, hub.Reference);
        var key = GrainKeys.Conversation(site, result.ConversationId);
        if (key != _conversationKey)
        {
            Follow(key, 0);
        }
        presence.Update(this, v => v with { Chatting = true });
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Message(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await Conversation().Post(_visitor!, clientId, frame.Text("text", options.MaxTextLength, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Callback(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await Conversation().RequestCallback(_visitor!, clientId, frame.Text("phone", 32, required: true)!);
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
        _conversationKey is null ? Task.CompletedTask : Conversation().VisitorTyping(_visitor!, frame.Text("draft", options.MaxTextLength, required: false) ?? "");

    private Task Close() => Conversation().Close(_visitor!);

    private Task Rate(InboundFrame frame) => Conversation().Rate(_visitor!, frame.RequiredInt("score"), frame.Text("comment", options.MaxTextLength, required: false));

    private void Follow(string conversationKey, long afterSeq)
    {
        if (_conversationKey is not null)
        {
            connection.Detach(_conversationKey);
            hub.Unfollow(_conversationKey, this);
        }
        _conversationKey = conversationKey;
        hub.Follow(conversationKey, this);
        connection.Attach(conversationKey, afterSeq);
    }

    private IConversationGrain Conversation() => _conversationKey is null
        ? throw InboundFrame.Bad("There is no conversation yet: send 'start_chat'.")
        : grains.GetGrain<IConversationGrain>(_conversationKey);

    private async Task<int> OnlineOperators()
    {
        var queue = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, config.DefaultQueue)).GetSnapshot();
        return queue.Roster.Count(o => o.Status == OperatorStatus.Online);
    }
}
