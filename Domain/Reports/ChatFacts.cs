using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Reports;

/// <summary>
/// What reports need of one conversation, folded from its events in order. A chat is counted once it is closed,
/// in the hour it started; a rating or an order that comes after adds to that same hour.
/// </summary>
public sealed class ChatFacts
{
    public required string Site { get; init; }
    public required string Conversation { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public string Queue { get; set; } = "";
    public string Channel { get; set; } = ChannelNames.Web;
    public string VisitorId { get; set; } = "";
    /// <summary>The customer who started it, or <c>""</c>: an order of either the visitor or the customer converts it.</summary>
    public string CustomerId { get; set; } = "";
    public bool Invited { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>Who answered: the author of the first operator message, else the first operator assigned.</summary>
    public string Operator { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public IReadOnlyList<string> Tags { get; set; } = [];
    public int? Score { get; set; }
    public bool Converted { get; set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>
    /// The one personal field the fold reads is the customer's id on <c>started</c>: every other event's personal fields
    /// (what was written, names, phones) may come unopened (<c>IEventLogFeed</c>), which spares their decryption.
    /// </summary>
    public static bool ReadsPersonalFieldsOf(string eventType) => eventType == EventTypes.Started;

    /// <summary>Folds one event in; says what the report must add for it.</summary>
    public ChatChange Apply(ConversationEvent evt)
    {
        switch (evt.Type)
        {
            case EventTypes.Started:
                StartedAt = evt.At;
                Queue = evt.Queue ?? "";
                Channel = evt.Channel ?? ChannelNames.Web;
                VisitorId = evt.VisitorId ?? "";
                CustomerId = evt.CustomerId ?? "";
                Invited = evt.Reason is not null;
                return ChatChange.None;
            case EventTypes.Assigned when AssignedAt is null:
                AssignedAt = evt.At;
                if (AnsweredAt is null)
                {
                    Operator = evt.AuthorId ?? "";
                }
                return ChatChange.None;
            case EventTypes.Message when evt.From == Senders.Operator && AnsweredAt is null && !IsClosed:
                AnsweredAt = evt.At;
                Operator = evt.AuthorId ?? Operator;
                return ChatChange.None;
            case EventTypes.Closed when !IsClosed && StartedAt is not null:
                ClosedAt = evt.At;
                Tags = evt.Tags?.Distinct(StringComparer.Ordinal).ToList() ?? [];
                return ChatChange.Closed;
            case EventTypes.Rated when Score is null && evt.Score is >= 1 and <= 5:
                Score = evt.Score;
                return IsClosed ? ChatChange.RatedAfterClose : ChatChange.None;
            default:
                return ChatChange.None;
        }
    }
}
