using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Monitoring;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Operators;

/// <summary>
/// One operator console socket. The operator is whoever the token says; they follow their own
/// conversations, and every write is authorized again by the conversation grain.
/// </summary>
public sealed class OperatorSession(
    OperatorIdentity identity,
    SocketConnection connection,
    OperatorWorkbench workbench,
    MonitorFeed monitor,
    GatewayOptions options,
    ILogger logger) : ISocketSession, IPushSubscriber
{
    private readonly HashSet<string> _following = [];
    private readonly Lock _gate = new();
    private bool _welcomed;
    private IDisposable? _monitorFeed;

    public Task HandleAsync(InboundFrame frame) => FrameErrors.RunAsync(connection, frame, Dispatch, logger);

    public void End()
    {
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
            connection.Send(WireJson.Frame(new
            {
                type = SignalTypes.VisitorUpdate, conversationId = GrainKeys.Parse(signal.ConversationKey).Id,
                page = signal.Page is { } page ? VisitFrames.Page(page) : null, cart = signal.Cart,
            }));
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
                connection.Send(WireJson.Frame(new { type = "unassigned", conversationId = notice.ConversationId, reason = notice.Reason }));
                break;
            case NoticeTypes.Status:
                connection.Send(WireJson.Frame(new { type = "status", status = notice.Status }));
                break;
        }
    }

    public void OnVisitorNotice(VisitorNotice notice)
    {
    }

    private Task Dispatch(InboundFrame frame)
    {
        if (!_welcomed && frame.Type != "hello")
        {
            throw new SwitchboardException(ErrorCodes.Unauthorized, "Send 'hello' first.");
        }
        return frame.Type switch
        {
            "hello" => Hello(frame),
            "status" => Status(frame),
            "message" => Message(frame),
            "typing" => workbench.TypingAsync(identity, ConversationId(frame)),
            "close" => workbench.CloseAsync(identity, ConversationId(frame), Strings(frame, "tags")),
            "note" => Note(frame),
            "watch" => Watch(frame),
            "transfer" => workbench.TransferAsync(identity, ConversationId(frame), frame.OptionalString("toOperator"), frame.OptionalString("toQueue"),
                frame.Text("note", options.MaxTextLength, required: false)),
            _ => throw InboundFrame.Bad($"Unknown frame type '{frame.Type}'."),
        };
    }

    private async Task Hello(InboundFrame frame)
    {
        if (_welcomed)
        {
            throw InboundFrame.Bad("'hello' was already sent.");
        }
        var resume = ResumePoints(frame);
        var me = await workbench.SignInAsync(identity, this);
        foreach (var id in me.Conversations)
        {
            // Listed in the welcome below: a repeated notice for one of them must not send it twice.
            Claim(GrainKeys.Conversation(identity.Site, id));
        }
        var conversations = await workbench.OpenChatsAsync(identity, me.Conversations);
        _welcomed = true;
        connection.Send(WireJson.Frame(new
        {
            type = "welcome",
            @operator = new { id = me.Id, name = me.Name, status = me.Status, capacity = me.Capacity, role = me.Role, missed = me.Missed },
            conversations = conversations.Select(c => new
            {
                id = c.Id, status = c.Status, lastSeq = c.LastSeq, visitor = new { id = c.VisitorId, name = c.VisitorName },
            }),
        }));
        foreach (var conversation in conversations)
        {
            Follow(GrainKeys.Conversation(identity.Site, conversation.Id), resume.GetValueOrDefault(conversation.Id));
        }
        if (identity.Role == Roles.Supervisor)
        {
            _monitorFeed = monitor.Start(connection, identity.Site);
        }
    }

    private async Task Status(InboundFrame frame)
    {
        var status = frame.RequiredString("status");
        if (!OperatorStatus.IsValid(status))
        {
            throw InboundFrame.Bad("'status' is online, away or offline.");
        }
        await workbench.SetStatusAsync(identity, status);
    }

    private async Task Message(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await workbench.PostAsync(identity, ConversationId(frame), clientId, frame.Text("text", options.MaxTextLength, required: true)!, Strings(frame, "quickReplies"));
        connection.Send(EventFrames.Ack(clientId, result));
    }

    private async Task Note(InboundFrame frame)
    {
        var clientId = frame.ClientId();
        var result = await workbench.AddNoteAsync(identity, ConversationId(frame), clientId, frame.Text("text", options.MaxTextLength, required: true)!);
        connection.Send(EventFrames.Ack(clientId, result));
    }

    /// <summary>A supervisor opens any chat of the site read-only: its transcript, then live events.</summary>
    private async Task Watch(InboundFrame frame)
    {
        var snapshot = await workbench.WatchAsync(identity, ConversationId(frame));
        connection.Send(WireJson.Frame(new { type = "watching", conversationId = snapshot.Id, status = snapshot.Status, @operator = snapshot.OperatorId }));
        Follow(GrainKeys.Conversation(identity.Site, snapshot.Id), 0);
    }

    private static IReadOnlyList<string>? Strings(InboundFrame frame, string name)
    {
        if (!frame.Root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return list.EnumerateArray().Take(16)
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw InboundFrame.Bad($"'{name}' is a list of strings."))
            .ToList();
    }

    /// <summary>A chat was given to this operator: send it whole, then follow it live.</summary>
    private async Task AssignedAsync(string conversationId)
    {
        var key = GrainKeys.Conversation(identity.Site, conversationId);
        try
        {
            var (snapshot, transcript, visit, assignedSeq) = await workbench.LoadAssignmentAsync(identity, conversationId);
            connection.Send(WireJson.Frame("assigned", (conversationId, snapshot, transcript, assignedSeq, visit), static (writer, state) =>
            {
                writer.WriteString("conversationId", state.conversationId);
                writer.WriteNumber("seq", state.assignedSeq);
                writer.WriteString("queue", state.snapshot.Queue);
                EventFrames.WriteForm(writer, state.transcript.FirstOrDefault()?.Form);
                writer.WritePropertyName("visitor");
                VisitFrames.WriteVisitor(writer, state.visit, state.snapshot.VisitorName);
                writer.WriteStartArray("transcript");
                foreach (var evt in state.transcript)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", evt.Type);
                    EventFrames.WriteEvent(writer, state.conversationId, evt, Audience.Operator);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }));
            Follow(key, transcript.Count == 0 ? 0 : transcript[^1].Seq);
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                // Not delivered: a later notice (the hub repeats them when it renews) may try again.
                _following.Remove(key);
            }
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

    private void Follow(string key, long afterSeq)
    {
        lock (_gate)
        {
            _following.Add(key);
        }
        workbench.Follow(key, this);
        connection.Attach(key, afterSeq);
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

    private static string ConversationId(InboundFrame frame)
    {
        var id = frame.RequiredString("conversationId");
        return id.Length <= 64 ? id : throw InboundFrame.Bad("'conversationId' is not valid.");
    }

    private static Dictionary<string, long> ResumePoints(InboundFrame frame)
    {
        var points = new Dictionary<string, long>(StringComparer.Ordinal);
        if (frame.OptionalObject("resume") is { } resume)
        {
            foreach (var entry in resume.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Number && entry.Value.TryGetInt64(out var seq) && seq >= 0)
                {
                    points[entry.Name] = seq;
                }
            }
        }
        return points;
    }
}
