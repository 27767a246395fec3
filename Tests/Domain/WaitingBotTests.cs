using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Help;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Conversations;
using Switchboard.Domain.Help;
using Switchboard.Domain.Routing;

namespace Switchboard.Tests.Domain;

public sealed class WaitingBotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly QueueSettings Settings = QueueSettings.Resolve(
        new QueueConfig("general", "General") { Hold = new HoldSchedule([new HoldStep(25, "hold")], 60), InactivityMinutes = 15 },
        new RoutingDefaults(), "en");

    [Fact]
    public void Bot_messages_are_no_answer_the_hold_schedule_and_inactivity_run_on_and_the_history_remembers_what_it_did()
    {
        var history = new ConversationHistory();
        history.Apply(Event(1, EventTypes.Started, 0, null));
        history.Apply(Event(2, EventTypes.Message, 0, Senders.Visitor));
        var before = ConversationDeadlines.Of(history, Settings);
        history.Apply(Bot(3, BotReasons.AskOrderNumber));
        Assert.True(history.AwaitingOrderNumber);
        history.Apply(Bot(4, "faq:delivery (достав)"));

        Assert.Equal(before, ConversationDeadlines.Of(history, Settings));
        Assert.Equal(T0.AddSeconds(25), ConversationDeadlines.Of(history, Settings).Hold);
        Assert.Equal((true, false, false), (history.BotHelped, history.PersonRequested, history.AwaitingOrderNumber));
        history.Apply(Bot(5, BotReasons.Person));
        Assert.True(history.PersonRequested);
    }

    [Fact]
    public void Buttons_are_matched_by_label_in_either_language_and_an_order_number_only_after_the_bot_asked_for_one()
    {
        var help = new WaitingHelp
        {
            Buttons = [new("order", new("Where is my order?", "Где мой заказ?"), Action: HelpActions.OrderStatus)],
        };

        Assert.Equal(BotReasons.AskOrderNumber, WaitingBot.Answer(help, " где мой заказ? ", "ru", false, verifiedCustomer: false)!.Reason);
        Assert.True(WaitingBot.Answer(help, "Where is my order?", "en", false, verifiedCustomer: true)!.LookUpOrder);
        Assert.Null(WaitingBot.Answer(help, "SB-12345", "en", awaitingOrderNumber: false, false));
        Assert.Equal("SB-12345", WaitingBot.Answer(help, "номер sb-12345", "ru", awaitingOrderNumber: true, false)!.OrderNumber);
        Assert.Null(WaitingBot.Answer(help, "не помню номер", "ru", awaitingOrderNumber: true, false));
    }

    private static ConversationEvent Bot(long seq, string reason) =>
        Event(seq, EventTypes.Message, 5, Senders.System) with { Kind = MessageKinds.Bot, Reason = reason };

    private static ConversationEvent Event(long seq, string type, int second, string? from = Senders.Visitor) =>
        new() { Seq = seq, Type = type, At = T0.AddSeconds(second), From = from, Text = from is null ? null : "text", VisitorId = "v1", Queue = "general" };
}
