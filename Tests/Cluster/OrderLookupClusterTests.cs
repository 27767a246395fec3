using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Help;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Help;
using Switchboard.Tests.Crm;
using Switchboard.Tests.Grains;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// "Where is my order?" in cluster mode: the conversation grain lives on a silo process with no gateway in it, and
/// that silo asks the CRM (<c>Crm__Endpoint</c> in its environment) for a verified shopper's latest order and for an
/// order by number.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class OrderLookupClusterTests(DatabaseServers servers) : RunningClusterTests(servers)
{
    private static readonly int CrmPort = FreePorts.Next();

    private static readonly HelpButton WhereIsMyOrder = new("order", new("Where is my order?", "Где мой заказ?"), Action: HelpActions.OrderStatus);

    protected override IReadOnlyDictionary<string, string>? SiloSettings =>
        new Dictionary<string, string> { ["Crm__Endpoint"] = $"http://127.0.0.1:{CrmPort}", ["Crm__ApiKey"] = "cluster-crm-key" };

    protected override bool WithGateways => false;

    [Fact]
    public async Task The_waiting_help_bot_on_a_silo_of_its_own_answers_from_the_crm()
    {
        await using var crm = await FakeOrdersCrm.StartAsync(CrmPort);
        crm.Add("cust-7", ("SB-70001", "2026-11-20", "in transit", "2026-11-27"));
        crm.Add("someone", ("SB-55555", "2026-10-01", "delivered", null));
        var grains = Cluster.Observer.Client;
        var site = await TestSites.CreateAsync(grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600 });
        await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).SetWaitingHelp(new WaitingHelp { Buttons = [WhereIsMyOrder] });

        var verified = GrainKeys.NewId();
        await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, verified))
            .Hello(new VisitorHello(new VerifiedIdentity("cust-7", "Irina", null, null), "en", null), null);
        var (_, first) = await chat.StartChat("Where is my order?", visitorId: verified);
        var status = await chat.Event(first.ConversationId, e => e.Reason == BotReasons.Order, "the verified shopper's latest order");
        Assert.Equal(BotTexts.Order("en", new OrderStatus("SB-70001", "in transit", new DateOnly(2026, 11, 27))), status.Text);

        var anonymous = GrainKeys.NewId();
        await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, anonymous)).Hello(new VisitorHello(null, "en", null), null);
        var (_, second) = await chat.StartChat("Where is my order?", visitorId: anonymous);
        await chat.Event(second.ConversationId, e => e.Reason == BotReasons.AskOrderNumber, "the bot asking for the number");
        await chat.Conversation(second.ConversationId).Post(ChatDriver.Visitor(site, anonymous), "n1", "It's sb-55555");
        var found = await chat.Event(second.ConversationId, e => e.Reason == BotReasons.Order, "the order found by its number");
        Assert.Equal("Order SB-55555: delivered.", found.Text);
        Assert.Equal("Bearer cluster-crm-key", crm.LastAuthorization);
    }
}
