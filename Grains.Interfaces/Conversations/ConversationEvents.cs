using Switchboard.Contracts.Channels;

namespace Switchboard.Contracts.Conversations;

/// <summary>
/// One factory per event type: each says which fields its type carries, so no call site fills the flat
/// <see cref="ConversationEvent"/> by hand. Texts are stored as given: callers normalize them first.
/// </summary>
public static class ConversationEvents
{
    public static ConversationEvent Started(long seq, DateTimeOffset at, StartConversation start) => new()
    {
        Seq = seq, Type = EventTypes.Started, At = at, Queue = start.Queue, VisitorId = start.VisitorId,
        VisitorName = start.VisitorName, Form = start.Form, Language = start.Language, Reason = start.InvitationRule,
        Priority = start.Priority == 0 ? null : start.Priority,
        // Web is the default: left out, the stored line stays what it was before channels existed.
        Channel = start.Channel == ChannelNames.Web ? null : start.Channel, ContactId = start.ContactId,
        CustomerId = start.CustomerId,
    };

    /// <summary>A message of the visitor (or messenger contact), possibly with files and no text.</summary>
    public static ConversationEvent VisitorMessage(
        long seq, DateTimeOffset at, string? clientId, string? visitorName, string? text, IReadOnlyList<Attachment>? attachments = null) => new()
    {
        Seq = seq, Type = EventTypes.Message, At = at, ClientId = clientId, From = Senders.Visitor,
        Author = visitorName, Text = text, Kind = MessageKinds.Text, Attachments = NullIfEmpty(attachments),
    };

    public static ConversationEvent OperatorMessage(long seq, DateTimeOffset at, Actor author, MessageDraft draft, string? text) => new()
    {
        Seq = seq, Type = EventTypes.Message, At = at, ClientId = draft.ClientId, From = Senders.Operator,
        AuthorId = author.Id, Author = author.Name, Text = text, Kind = MessageKinds.Text,
        QuickReplies = NullIfEmpty(draft.QuickReplies), Attachments = NullIfEmpty(draft.Attachments),
    };

    /// <summary>An operator's message sent as an approved WhatsApp template: the transcript shows what the template says.</summary>
    public static ConversationEvent TemplateMessage(long seq, DateTimeOffset at, Actor author, string clientId, MessageTemplate template) => new()
    {
        Seq = seq, Type = EventTypes.Message, At = at, ClientId = clientId, From = Senders.Operator,
        AuthorId = author.Id, Author = author.Name, Text = template.Body, Kind = MessageKinds.Text,
        Template = template.Name, TemplateLanguage = template.Language,
    };

    /// <summary>An automatic message: an invitation's text, a hold message, an overflow reply.</summary>
    public static ConversationEvent SystemMessage(
        long seq, DateTimeOffset at, string kind, string text, string? reason = null, IReadOnlyList<string>? actions = null) => new()
    {
        Seq = seq, Type = EventTypes.Message, At = at, From = Senders.System, Kind = kind, Text = text,
        Reason = reason, Actions = actions,
    };

    public static ConversationEvent Assigned(long seq, DateTimeOffset at, string operatorId, string operatorName, string reason) => new()
    {
        Seq = seq, Type = EventTypes.Assigned, At = at, AuthorId = operatorId, Author = operatorName, Reason = reason,
    };

    public static ConversationEvent Unassigned(long seq, DateTimeOffset at, string operatorId, string? operatorName, string reason) => new()
    {
        Seq = seq, Type = EventTypes.Unassigned, At = at, AuthorId = operatorId, Author = operatorName, Reason = reason,
    };

    /// <summary>A transfer by <paramref name="by"/>; the target is set with <see cref="ToOperator"/> or <see cref="ToQueue"/>.</summary>
    public static ConversationEvent Transferred(long seq, DateTimeOffset at, Actor by, string? note) => new()
    {
        Seq = seq, Type = EventTypes.Transferred, At = at, AuthorId = by.Id, Author = by.Name, Note = note,
    };

    public static ConversationEvent ToOperator(this ConversationEvent transferred, string login, string name) =>
        transferred with { TargetOperatorId = login, TargetOperatorName = name };

    public static ConversationEvent ToQueue(this ConversationEvent transferred, string queue) => transferred with { Queue = queue };

    public static ConversationEvent Callback(long seq, DateTimeOffset at, string clientId, string phone) => new()
    {
        Seq = seq, Type = EventTypes.Callback, At = at, ClientId = clientId, From = Senders.Visitor, Phone = phone,
    };

    public static ConversationEvent Note(long seq, DateTimeOffset at, Actor author, string clientId, string text) => new()
    {
        Seq = seq, Type = EventTypes.Note, At = at, ClientId = clientId, From = Senders.Operator,
        AuthorId = author.Id, Author = author.Name, Text = text,
    };

    /// <param name="reason">Why the system closed it on its own (<see cref="CloseReasons"/>); null when a person closed it or it went quiet.</param>
    public static ConversationEvent Closed(long seq, DateTimeOffset at, string by, Actor closer, IReadOnlyList<string>? tags, string? reason = null) => new()
    {
        Seq = seq, Type = EventTypes.Closed, At = at, From = by, AuthorId = closer.Id, Author = closer.Name, Tags = tags, Reason = reason,
    };

    public static ConversationEvent Rated(long seq, DateTimeOffset at, int score, string? comment) => new()
    {
        Seq = seq, Type = EventTypes.Rated, At = at, From = Senders.Visitor, Score = score, Text = comment,
    };

    /// <summary>How far the operator message <paramref name="messageId"/> got through the conversation's channel.</summary>
    public static ConversationEvent Delivery(long seq, DateTimeOffset at, string messageId, string status, string? error) => new()
    {
        Seq = seq, Type = EventTypes.Delivery, At = at, MessageId = messageId, Status = status, Error = error,
    };

    /// <summary>The phone call changed state; the adapter's event id makes a redelivered event a retry.</summary>
    public static ConversationEvent Call(long seq, DateTimeOffset at, CallUpdate update) => new()
    {
        Seq = seq, Type = EventTypes.Call, At = at, ClientId = $"call:{update.EventId}", CallId = update.CallId,
        Status = update.State, Reason = update.Reason, DurationSeconds = update.DurationSeconds,
        From = update.OperatorId is null ? null : Senders.Operator, AuthorId = update.OperatorId, Author = update.OperatorName,
        Outcome = update.Outcome, RecordingUrl = update.RecordingUrl, Phone = update.From,
    };

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T>? values) => values is { Count: > 0 } ? values : null;
}
