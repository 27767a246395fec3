using System.Security.Cryptography;
using System.Text;
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

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// One visitor socket: translates the visitor's frames into grain calls and the grains' pushes into frames.
/// The visitor is whoever the signed token says; without a valid one, a new visitor is issued.
/// </summary>
public sealed class VisitorSession(
    string site,
    SiteConfig config,
    SocketConnection connection,
    PushHub hub,
    IGrainFactory grains,
    TokenService tokens,
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
    }

    public void OnEvent(string conversationKey, ConversationEvent evt) => connection.SendEvent(conversationKey, evt);

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
            // Tracking and invitations arrive with proactive engagement; accepted now so widgets can send them.
            "page" or "cart" or "invite_reply" => Task.CompletedTask,
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
        var visitor = await grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).Hello(VerifyIdentity(frame));
        var actor = new Actor(ActorKind.Visitor, site, visitorId, visitor.Name);

        var (conversationId, afterSeq) = ResumePoint(frame, visitor);
        ConversationSnapshot? conversation = null;
        if (conversationId is not null)
        {
            conversation = await TrySubscribe(conversationId, actor);
        }
        var online = await OnlineOperators();
        // Only now: a hello that failed part-way (the cluster was busy) leaves the socket free to send it again.
        _visitor = actor;
        connection.Send(WireJson.Frame(new
        {
            type = "welcome",
            visitorId,
            visitorToken = tokens.IssueVisitor(site, visitorId),
            conversation = conversation is null ? null : new { id = conversation.Id, status = conversation.Status, lastSeq = conversation.LastSeq },
            online,
            site = new { name = config.Name, language = config.Language, queues = config.Queues.Select(q => new { id = q.Id, name = q.Name }) },
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
        var result = await grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, _visitor!.Id))
            .StartChat(clientId, frame.OptionalString("queue"), frame.Text("text", options.MaxTextLength, required: false), hub.Reference);
        var key = GrainKeys.Conversation(site, result.ConversationId);
        if (key != _conversationKey)
        {
            Follow(key, 0);
        }
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Message(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await Conversation().Post(_visitor!, clientId, frame.Text("text", options.MaxTextLength, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
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

    /// <summary>A signed-in customer, when the site's HMAC over the customer id checks out.</summary>
    private VerifiedIdentity? VerifyIdentity(InboundFrame frame)
    {
        if (frame.OptionalObject("identity") is not { } identity)
        {
            return null;
        }
        string? Field(string name) => identity.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var customerId = Field("customerId");
        var signature = Field("signature");
        if (string.IsNullOrEmpty(customerId) || string.IsNullOrEmpty(signature))
        {
            throw InboundFrame.Bad("'identity' needs customerId and signature.");
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(config.IdentitySecret), Encoding.UTF8.GetBytes(customerId));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            given = [];
        }
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            connection.Send(EventFrames.Error(ErrorCodes.Unauthorized, "The identity signature does not match; continuing as a guest."));
            return null;
        }
        return new VerifiedIdentity(customerId, Field("name"), Field("email"), Field("phone"));
    }
}
