using System.Text.Json;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Gateway.Sockets;

/// <summary>Conversation events and signals as wire frames (docs/protocol.md); the same shape for visitors and operators.</summary>
public static class EventFrames
{
    public static byte[] Event(string conversationId, ConversationEvent evt, Audience audience) =>
        WireJson.Frame(evt.Type, (conversationId, evt, audience), static (writer, state) => WriteEvent(writer, state.conversationId, state.evt, state.audience));

    public static void WriteEvent(Utf8JsonWriter writer, string conversationId, ConversationEvent evt, Audience audience)
    {
        writer.WriteString("conversationId", conversationId);
        writer.WriteNumber("seq", evt.Seq);
        writer.WriteString("at", evt.At.UtcDateTime);
        switch (evt.Type)
        {
            case EventTypes.Started:
                writer.WriteStringIfNotNull("queue", evt.Queue);
                writer.WriteString("channel", ChannelNames.OrWeb(evt.Channel));
                writer.WriteStartObject("visitor");
                writer.WriteStringIfNotNull("id", evt.VisitorId);
                writer.WriteStringIfNotNull("name", evt.VisitorName);
                writer.WriteEndObject();
                WriteForm(writer, evt.Form);
                break;
            case EventTypes.Assigned or EventTypes.Unassigned:
                writer.WriteStartObject("operator");
                writer.WriteStringIfNotNull("id", evt.AuthorId);
                writer.WriteStringIfNotNull("name", evt.Author);
                writer.WriteEndObject();
                writer.WriteStringIfNotNull("reason", evt.Reason);
                break;
            case EventTypes.Message:
                writer.WriteStringIfNotNull("id", evt.ClientId);
                writer.WriteStringIfNotNull("from", evt.From);
                writer.WriteStringIfNotNull("author", evt.Author);
                writer.WriteStringIfNotNull("text", evt.Text);
                writer.WriteString("kind", evt.Kind ?? MessageKinds.Text);
                writer.WriteStringIfNotNull("reason", evt.Reason);
                WriteStrings(writer, "actions", evt.Actions);
                WriteStrings(writer, "quickReplies", evt.QuickReplies);
                break;
            case EventTypes.Note when audience == Audience.Operator:
                writer.WriteStringIfNotNull("id", evt.ClientId);
                writer.WriteStringIfNotNull("author", evt.Author);
                writer.WriteStringIfNotNull("text", evt.Text);
                break;
            case EventTypes.Transferred:
                WriteTransfer(writer, evt, audience);
                break;
            case EventTypes.Callback:
                writer.WriteStringIfNotNull("id", evt.ClientId);
                writer.WriteStringIfNotNull("phone", evt.Phone);
                break;
            case EventTypes.Closed:
                writer.WriteStringIfNotNull("by", evt.From);
                if (audience == Audience.Operator)
                {
                    WriteStrings(writer, "tags", evt.Tags);
                }
                break;
            case EventTypes.Rated:
                if (evt.Score is { } score)
                {
                    writer.WriteNumber("score", score);
                }
                writer.WriteStringIfNotNull("comment", evt.Text);
                break;
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        }
    }

    /// <summary>Pre-chat form answers as an object of strings.</summary>
    public static void WriteForm(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? form)
    {
        writer.WriteStartObject("form");
        foreach (var (field, answer) in form ?? new Dictionary<string, string>())
        {
            writer.WriteString(field, answer);
        }
        writer.WriteEndObject();
    }

    private static void WriteTransfer(Utf8JsonWriter writer, ConversationEvent evt, Audience audience)
    {
        if (audience == Audience.Operator)
        {
            writer.WriteStartObject("from");
            writer.WriteStringIfNotNull("id", evt.AuthorId);
            writer.WriteStringIfNotNull("name", evt.Author);
            writer.WriteEndObject();
            writer.WriteStringIfNotNull("note", evt.Note);
        }
        if (evt.TargetOperatorId is not null)
        {
            writer.WriteStartObject("toOperator");
            writer.WriteString("id", evt.TargetOperatorId);
            writer.WriteStringIfNotNull("name", evt.TargetOperatorName);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringIfNotNull("toQueue", evt.Queue);
        }
    }

    public static byte[] Signal(string conversationId, ConversationSignal signal) =>
        WireJson.Frame(signal.Type, (conversationId, signal), static (writer, state) =>
        {
            writer.WriteString("conversationId", state.conversationId);
            if (state.signal.Position is { } position)
            {
                writer.WriteNumber("position", position);
                if (state.signal.EtaSeconds is { } eta)
                {
                    writer.WriteNumber("etaSeconds", eta);
                }
                else
                {
                    writer.WriteNull("etaSeconds");
                }
            }
            if (state.signal.Type == SignalTypes.VisitorTyping)
            {
                writer.WriteString("draft", state.signal.Draft ?? "");
            }
        });

    public static byte[] Ack(string clientId, AppendResult result) =>
        WireJson.Frame("ack", (clientId, result), static (writer, state) =>
        {
            writer.WriteString("id", state.clientId);
            writer.WriteNumber("seq", state.result.Seq);
            writer.WriteString("conversationId", state.result.ConversationId);
        });

    public static byte[] Error(string code, string message, string? clientId = null) =>
        WireJson.Frame("error", (code, message, clientId), static (writer, state) =>
        {
            writer.WriteString("code", state.code);
            writer.WriteString("message", state.message);
            writer.WriteStringIfNotNull("id", state.clientId);
        });
}
