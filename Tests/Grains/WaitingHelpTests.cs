using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Help;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Help;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>Help while waiting: the bot greets with the site's buttons, answers what it can, and steps aside for a person.</summary>
[Collection(ClusterFixture.Name)]
public sealed class WaitingHelpTests(ClusterFixture fixture)
{
    private static readonly HelpButton WhereIsMyOrder = new("order", new("Where is my order?", "Где мой заказ?"), Action: HelpActions.OrderStatus);
    private static readonly HelpButton Returns = new("returns", new("Returns", "Возврат"), new("Returns are free within 30 days.", "Вернуть товар можно бесплатно в течение 30 дней."));
    private static readonly HelpButton Person = new("person", new("Talk to a person", "Позвать консультанта"), Action: HelpActions.Person);
    private static readonly FaqEntry Delivery = new("delivery",
        new("How long does delivery take?", "Сколько идёт доставка?"),
        new("Delivery takes 2 to 4 days.", "Доставка занимает от 2 до 4 дней."), ["курьер", "courier"]);

    [Fact]
    public async Task The_bot_greets_with_buttons_answers_a_russian_question_from_the_faq_and_the_operator_who_joins_reads_it()
    {
        var (chat, site) = await Setup();
        var visitorId = await Visitor(site, "ru");
        var (_, start) = await chat.StartChat("Здравствуйте", visitorId: visitorId);
        var id = start.ConversationId;

        var greeting = await chat.Event(id, e => e.Kind == MessageKinds.Bot && e.Reason == BotReasons.Greeting, "the bot's greeting");
        Assert.Equal(["Где мой заказ?", "Возврат", "Позвать консультанта"], greeting.QuickReplies);
        await chat.Conversation(id).Post(ChatDriver.Visitor(site, visitorId), "q1", "А сколько дней идет доставка курьером?");
        var answer = await chat.Event(id, e => e.Kind == MessageKinds.Bot && e.Reason!.StartsWith("faq:"), "the FAQ answer");
        Assert.Equal("Доставка занимает от 2 до 4 дней.", answer.Text);
        Assert.Equal("faq:delivery (достав, идет, курьер, скольк)", answer.Reason);
        Assert.Equal(Senders.System, answer.From);

        // The operator who joins gets the whole exchange; from then on the bot is quiet.
        await chat.Online("anna");
        await chat.Assigned(id);
        var transcript = await chat.Conversation(id).GetEvents(ChatDriver.Operator(site, "anna"), 0, 100);
        Assert.Contains(transcript, e => e.Kind == MessageKinds.Bot && e.Text == "Доставка занимает от 2 до 4 дней.");
        await chat.Conversation(id).Post(ChatDriver.Visitor(site, visitorId), "q2", "Сколько идёт доставка?");
        Assert.DoesNotContain(await chat.Conversation(id).GetEvents(ChatDriver.Operator(site, "anna"), answer.Seq, 100),
            e => e.Kind == MessageKinds.Bot);
    }

    [Fact]
    public async Task Where_is_my_order_asks_an_anonymous_visitor_for_the_number_and_tells_a_verified_one_at_once()
    {
        var (chat, site) = await Setup();
        fixture.Orders.Add("cust-7", new OrderStatus("SB-70001", "in transit", new DateOnly(2026, 11, 27)));
        fixture.Orders.Add("someone", new OrderStatus("SB-55555", "delivered", null));

        var anonymous = await Visitor(site, "en");
        var (_, first) = await chat.StartChat("Where is my order?", visitorId: anonymous);
        var asked = await chat.Event(first.ConversationId, e => e.Reason == BotReasons.AskOrderNumber, "the bot asking for the order number");
        Assert.Equal(BotTexts.AskOrderNumber("en"), asked.Text);
        await chat.Conversation(first.ConversationId).Post(ChatDriver.Visitor(site, anonymous), "n1", "It's sb-55555");
        var found = await chat.Event(first.ConversationId, e => e.Reason == BotReasons.Order, "the order looked up by number");
        Assert.Equal("Order SB-55555: delivered.", found.Text);

        var verified = GrainKeys.NewId();
        await fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, verified))
            .Hello(new VisitorHello(new VerifiedIdentity("cust-7", "Irina", null, null), "ru", null), null);
        var (_, second) = await chat.StartChat("Где мой заказ?", visitorId: verified);
        var status = await chat.Event(second.ConversationId, e => e.Reason == BotReasons.Order, "the verified shopper's latest order");
        Assert.Equal("Заказ SB-70001: in transit, доставка 27.11.2026.", status.Text);
        Assert.Contains(("cust-7", (string?)null), fixture.Orders.Asked);
    }

    [Fact]
    public async Task After_asking_for_a_person_the_bot_is_quiet()
    {
        var (chat, site) = await Setup();
        var visitorId = await Visitor(site, "en");
        var (_, start) = await chat.StartChat("Talk to a person", visitorId: visitorId);
        var id = start.ConversationId;
        var person = await chat.Event(id, e => e.Reason == BotReasons.Person, "the bot handing over");
        Assert.Equal(BotTexts.Person("en"), person.Text);
        Assert.Null(person.QuickReplies);

        // The bot answers within the send: once it is acknowledged, any reply would already be in the log.
        var asked = await chat.Conversation(id).Post(ChatDriver.Visitor(site, visitorId), "q", "How long does delivery take?");

        var after = await chat.Conversation(id).GetEvents(ChatDriver.Visitor(site, visitorId), asked.Seq, 10);
        Assert.DoesNotContain(after, e => e.Kind == MessageKinds.Bot);
    }

    [Fact]
    public async Task A_visitor_the_bot_helped_who_closes_before_an_operator_joins_counts_as_self_served()
    {
        var (chat, site) = await Setup();
        var visitorId = await Visitor(site, "en");
        var (_, start) = await chat.StartChat("Returns", visitorId: visitorId);
        var id = start.ConversationId;
        var answer = await chat.Event(id, e => e.Reason == "button:returns", "the returns answer");
        Assert.Equal("Returns are free within 30 days.", answer.Text);

        // Past the service-level threshold: a chat the bot served is still no unanswered one.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await chat.Conversation(id).Close(ChatDriver.Visitor(site, visitorId));

        var closed = await chat.Event(id, e => e.Type == EventTypes.Closed, "the close");
        Assert.Equal(CloseReasons.SelfServed, closed.Reason);
        var queue = await Eventually.Until(() => fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot(),
            q => q.Today.SelfServed == 1, "the queue to count a self-served chat");
        Assert.Equal((0, 0), (queue.Today.Abandoned, queue.Today.Unanswered));
    }

    private async Task<(ChatDriver Chat, string Site)> Setup()
    {
        // Anna serves the queue but is not online yet: chats wait, and the bot helps meanwhile.
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600 });
        await fixture.Grains.GetGrain<ISiteGrain>(GrainKeys.Site(site))
            .SetWaitingHelp(new WaitingHelp { Buttons = [WhereIsMyOrder, Returns, Person], Faq = [Delivery] });
        return (chat, site);
    }

    private async Task<string> Visitor(string site, string language)
    {
        var visitorId = GrainKeys.NewId();
        await fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).Hello(new VisitorHello(null, language, null), null);
        return visitorId;
    }
}
