using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

[Collection(ClusterFixture.Name)]
public sealed class InvitationTests(ClusterFixture fixture)
{
    private static readonly InvitationRule Dwell = new("dwell", "Need help with {product}?") { UrlContains = "/product/", MinPageSeconds = 120, Queue = "general" };
    private static readonly InvitationRule Abandoned = new("cart", "Still thinking about {cartItem}?") { CartUnchangedMinutes = 10, Priority = 5 };

    [Fact]
    public async Task A_product_page_dwell_invites_once_at_the_deadline_and_navigation_re_arms_the_timer()
    {
        var (chat, site) = await Setup();
        await chat.Online("anna");
        var visitor = await Arrive(chat, site);

        await visitor.Page("https://shop/product/coat", "Wool coat", null);
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        await visitor.Page("https://shop/product/scarf", "Merino scarf", null);
        fixture.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(fixture.Clock.GetUtcNow().AddSeconds(1), (await visitor.GetVisit()).NextInvitationCheck);
        Assert.Empty(chat.Observer.Pushes.OfType<VisitorNotice>());
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        var invite = await chat.Observer.WaitFor<VisitorNotice>(_ => true, "the dwell invitation");
        Assert.Equal(("dwell", "Need help with Merino scarf?"), (invite.Rule, invite.Text));
        Assert.Null((await visitor.GetVisit()).NextInvitationCheck);
        Assert.Equal(1, (await Queue(site).GetSnapshot()).Invitations.Shown);
    }

    [Fact]
    public async Task A_saturated_queue_suppresses_the_invitation_and_counts_it_then_it_comes_when_there_is_room()
    {
        var (chat, site) = await Setup();
        var visitor = await Arrive(chat, site);
        await visitor.Page("https://shop/product/coat", "Wool coat", null);

        fixture.Clock.Advance(TimeSpan.FromSeconds(120));
        await WaitForSuppressed(site, 1);
        Assert.Empty(chat.Observer.Pushes.OfType<VisitorNotice>());

        await chat.Online("anna");
        fixture.Clock.Advance(Switchboard.Grains.Visitors.VisitorGrain.SuppressedRetry);
        await chat.Observer.WaitFor<VisitorNotice>(n => n.Rule == "dwell", "the invitation once anna is online");
        var counters = (await Queue(site).GetSnapshot()).Invitations;
        Assert.Equal((1, 1), (counters.Shown, counters.Suppressed));
    }

    [Fact]
    public async Task An_abandoned_cart_invites_and_accepting_starts_a_chat_that_records_the_invitation()
    {
        var (chat, site) = await Setup();
        await chat.Online("anna");
        var visitor = await Arrive(chat, site);
        await visitor.Page("https://shop/cart", "Cart", null);
        await visitor.Cart(new Cart([new CartItem("c1", "Wool coat", 1, 12_990)], 12_990, "RUB"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var invite = await chat.Observer.WaitFor<VisitorNotice>(n => n.Rule == "cart", "the abandoned-cart invitation");
        var start = await visitor.AcceptInvitation(invite.InviteId, chat.Reference);
        var retried = await visitor.AcceptInvitation(invite.InviteId, chat.Reference);

        Assert.Equal(start, retried);
        var events = await chat.Conversation(start.ConversationId).GetEvents(ChatDriver.Operator(site, "anna"), 0, 10);
        Assert.Equal(("cart", "Still thinking about Wool coat?", MessageKinds.Invite), (events[0].Reason, events[1].Text, events[1].Kind));
        await chat.Assigned(start.ConversationId);
        await WaitFor(async () => (await Queue(site).GetSnapshot()).Invitations.Accepted == 1, "the acceptance to be counted");
    }

    [Fact]
    public async Task A_visitor_who_leaves_has_no_timer_left_and_a_chatting_one_is_not_invited()
    {
        var (chat, site) = await Setup();
        await chat.Online("anna");
        var visitor = await Arrive(chat, site);
        await visitor.Page("https://shop/product/coat", "Wool coat", null);
        Assert.NotNull((await visitor.GetVisit()).NextInvitationCheck);

        await visitor.Disconnected();
        Assert.Null((await visitor.GetVisit()).NextInvitationCheck);

        var other = await Arrive(chat, site);
        await other.Page("https://shop/product/coat", "Wool coat", null);
        await other.StartChat(new StartChatRequest("s1", null, "Hi", null), chat.Reference);
        Assert.Null((await other.GetVisit()).NextInvitationCheck);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var probe = await Arrive(chat, site);
        await probe.InviteManually(ChatDriver.Operator(site, "anna"), "Hello from Anna");
        await chat.Observer.WaitFor<VisitorNotice>(n => n.Rule == "manual", "anna's manual invitation");
        Assert.Single(chat.Observer.Pushes.OfType<VisitorNotice>());
    }

    private async Task<(ChatDriver Chat, string Site)> Setup()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        await fixture.Grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).SetInvitations(new InvitationSettings { Rules = [Dwell, Abandoned] });
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600, MaxEtaSeconds = 3600 });
        return (chat, site);
    }

    private async Task<IVisitorGrain> Arrive(ChatDriver chat, string site)
    {
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));
        await visitor.Hello(new VisitorHello(null, "en", null), chat.Reference);
        return visitor;
    }

    private IQueueGrain Queue(string site) => fixture.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));

    private Task WaitForSuppressed(string site, long count) =>
        WaitFor(async () => (await Queue(site).GetSnapshot()).Invitations.Suppressed == count, $"{count} suppressed invitation(s)");

    /// <summary>Asks again each time the cluster has had a turn, until the condition holds or the wait runs out.</summary>
    private static async Task WaitFor(Func<Task<bool>> condition, string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {expected} within {Waits.Signal}.");
            }
            await Task.Yield();
        }
    }
}
