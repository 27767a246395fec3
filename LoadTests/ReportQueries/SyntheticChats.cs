using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.LoadTests.ReportQueries;

/// <summary>
/// Conversations' events as the product writes them, made up: spread over <see cref="Days"/> days, 3 queues,
/// 20 operators, web and Telegram, six topics; a fifth are missed, a third rated, a tenth from invitations.
/// Seeded, so two runs write the same log.
/// </summary>
public sealed class SyntheticChats(string site, DateTimeOffset firstDay, int seed)
{
    public const int Days = 30;
    private static readonly string[] Queues = ["general", "stylist", "returns"];
    private static readonly string[] Tags = ["delivery", "sizes", "returns", "payment", "stock", "other"];
    private readonly Random _random = new(seed);

    public (string Key, IReadOnlyList<ConversationEvent> Events) Next(long index)
    {
        var at = firstDay.AddSeconds(_random.NextDouble() * Days * 86_400);
        var start = new StartConversation($"v{index % 400_000}", null, Queues[_random.Next(Queues.Length)], $"s{index}", "Hello")
        {
            InvitationRule = _random.Next(10) == 0 ? "cart" : null,
            Channel = _random.Next(4) == 0 ? ChannelNames.Telegram : ChannelNames.Web,
        };
        var visitor = new Actor(ActorKind.Visitor, site, start.VisitorId, null);
        List<ConversationEvent> events = [ConversationEvents.Started(1, at, start)];
        var seq = 1L;
        if (_random.Next(5) == 0)
        {
            events.Add(ConversationEvents.Closed(++seq, at.AddSeconds(5 + _random.Next(300)), Senders.Visitor, visitor, null));
            return (GrainKeys.Conversation(site, $"r{index}"), events);
        }
        var login = $"op{_random.Next(20)}";
        var assigned = at.AddSeconds(_random.Next(90));
        var answered = assigned.AddSeconds(2 + _random.Next(40));
        var author = new Actor(ActorKind.Operator, site, login, login);
        events.Add(ConversationEvents.Assigned(++seq, assigned, login, login, AssignmentReasons.Queue));
        events.Add(ConversationEvents.OperatorMessage(++seq, answered, author, new MessageDraft($"m{index}", "Hi"), "Hi"));
        var closed = answered.AddSeconds(60 + _random.Next(900));
        events.Add(ConversationEvents.Closed(++seq, closed, Senders.Operator, author, [Tags[_random.Next(Tags.Length)]]));
        if (_random.Next(3) == 0)
        {
            events.Add(ConversationEvents.Rated(++seq, closed.AddSeconds(10), 1 + _random.Next(5), null));
        }
        return (GrainKeys.Conversation(site, $"r{index}"), events);
    }
}
