using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains.Webhooks;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>A site's webhooks: what goes to which endpoint, once, retried for a day, logged, replayed; chats never wait on them.</summary>
[Collection(ClusterFixture.Name)]
public sealed class WebhookOutboxTests(ClusterFixture fixture)
{
    private const string Secret = "a-secret-of-sixteen-or-more";

    [Fact]
    public async Task A_chats_subscribed_events_reach_the_endpoint_once_each_and_the_log_shows_them_delivered()
    {
        var (chat, site) = await Site(WebhookEvents.ConversationStarted, WebhookEvents.Message, WebhookEvents.ConversationClosed);
        var (visitorId, start) = await chat.StartChat("Is the red coat in stock?");
        var id = start.ConversationId;
        await chat.Assigned(id);
        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "a1", "Yes, in every size.");
        await chat.Conversation(id).Close(ChatDriver.Visitor(site, visitorId));

        var started = await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationStarted, "conversation.started");
        var reply = await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.Message && Text(a) == "Yes, in every size.", "the operator's message");
        var closed = await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationClosed, "conversation.closed");

        Assert.Equal(id, started.Body.GetProperty("data").GetProperty("conversationId").GetString());
        Assert.Equal(fixture.Clock.GetUtcNow().ToUnixTimeSeconds(), reply.Body.GetProperty("timestamp").GetInt64());
        Assert.Equal(reply.DeliveryId, reply.Body.GetProperty("id").GetString());
        Assert.Equal(3, new[] { started.DeliveryId, reply.DeliveryId, closed.DeliveryId }.Distinct().Count());
        var log = await Logged(site, entries => entries.Count(e => e.Status == WebhookDeliveryStatus.Delivered) >= 4, "four deliveries logged");
        Assert.DoesNotContain(log, e => e.Event is WebhookEvents.Rated or WebhookEvents.CallbackRequested);
        Assert.All(log, e => Assert.Equal(1, e.Attempts));
    }

    [Fact]
    public async Task A_new_endpoint_gets_what_happens_from_then_on_not_the_history_of_open_chats()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        var (visitorId, start) = await chat.StartChat("Before the CRM was connected");
        // The endpoint is added later than the chat's start...
        fixture.Clock.Advance(WebhookEndpointsCache.Refresh);
        await fixture.Grains.GetGrain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site))
            .SetEndpoint(new WebhookEndpoint("crm", "https://crm.example/hooks", Secret, [WebhookEvents.ConversationStarted, WebhookEvents.Message]));
        // ...and the clock moves past the conversation's cached view of the endpoints once more: an append of the chat's
        // own (the queue's overflow reply) may have re-read them after the first advance, before there were any.
        fixture.Clock.Advance(WebhookEndpointsCache.Refresh);

        var posted = await chat.Conversation(start.ConversationId).Post(ChatDriver.Visitor(site, visitorId), "v2", "After it was");
        var after = await fixture.Webhooks.Next(site, a => Text(a) == "After it was", "the message posted after the endpoint was added");
        var log = await Logged(site, entries => entries.Any(e => e.Id == after.DeliveryId && e.Status == WebhookDeliveryStatus.Delivered), "its delivery logged");

        // The chat's start and its first message (the start's seq) were stored before the endpoint existed.
        Assert.True(posted.Seq > start.Seq);
        Assert.DoesNotContain(log, e => long.Parse(e.Id.Split('-')[^2]) <= start.Seq);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_growing_waits_and_delivered_when_it_recovers()
    {
        var (chat, site) = await Site(WebhookEvents.ConversationStarted);
        fixture.Webhooks.Answer(site, WebhookOutcome.Failed(503, "The endpoint answered 503."));
        fixture.Webhooks.Answer(site, WebhookOutcome.Failed(null, "No answer within 5 s."));

        await chat.StartChat("Hello");
        var first = await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationStarted, "the first attempt");
        // The clock moves only once the outbox has the outcome (and so its next time), not while the answer is on its way.
        await Logged(site, log => log.Any(e => e.Attempts == 1 && e.LastError is not null), "the first failure logged");
        Assert.True(await fixture.Webhooks.NothingMore(site), "retried before its backoff");
        fixture.Clock.Advance(WebhookBackoff.After(1));
        var second = await fixture.Webhooks.Next(site, a => a.DeliveryId == first.DeliveryId, "the retry after 10 s");
        await Logged(site, log => log.Any(e => e.Attempts == 2 && e.LastError is not null), "the second failure logged");
        fixture.Clock.Advance(WebhookBackoff.After(1));
        Assert.True(await fixture.Webhooks.NothingMore(site), "the second retry came before its doubled wait");
        fixture.Clock.Advance(WebhookBackoff.After(2) - WebhookBackoff.After(1));
        var third = await fixture.Webhooks.Next(site, a => a.DeliveryId == first.DeliveryId, "the retry after 20 s more");

        var entry = Assert.Single(await Logged(site, log => log.Any(e => e.Status == WebhookDeliveryStatus.Delivered), "the delivery logged"));
        Assert.Equal(3, entry.Attempts);
        Assert.True(third.Body.GetProperty("timestamp").GetInt64() > second.Body.GetProperty("timestamp").GetInt64());
    }

    [Fact]
    public async Task Erasing_a_conversation_drops_its_deliveries_still_waiting_so_its_texts_are_never_sent_afterwards()
    {
        var (chat, site) = await Site(WebhookEvents.ConversationStarted);
        fixture.Webhooks.Answer(site, WebhookOutcome.Failed(503, "The endpoint answered 503."));
        var (_, start) = await chat.StartChat("My card number ends in 4242");
        await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationStarted, "the first attempt");
        await Logged(site, log => log.Any(e => e.Attempts == 1 && e.LastError is not null), "the failure logged");
        var outbox = fixture.Grains.GetGrain<IWebhookOutboxGrain>(GrainKeys.ConversationWebhooks(site, start.ConversationId));
        Assert.NotEmpty(await outbox.GetPending());

        await chat.Conversation(start.ConversationId).Erase();
        fixture.Clock.Advance(WebhookBackoff.After(1));

        Assert.Empty(await outbox.GetPending());
        Assert.True(await fixture.Webhooks.NothingMore(site), "a delivery of the erased conversation was sent after the erasure");
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_given_up_after_a_day()
    {
        var (chat, site) = await Site(WebhookEvents.ConversationStarted);
        // Each attempt's answer is queued before the attempt can start: queued after, a quick first attempt was
        // answered 204 (the scripted default), delivered, and the test waited for a second attempt that never came.
        var failure = WebhookOutcome.Failed(500, "The endpoint answered 500.");
        fixture.Webhooks.Answer(site, failure);
        await chat.StartChat("Hello");
        var elapsed = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationStarted, $"attempt {attempt}");
            var logged = await Logged(site, log => log.Any(e => e.Attempts == attempt && e.Status != WebhookDeliveryStatus.Pending || e.Attempts == attempt && e.LastError is not null), $"attempt {attempt} logged");
            if (logged.Single().Status == WebhookDeliveryStatus.Failed)
            {
                Assert.InRange(elapsed + WebhookBackoff.After(attempt), WebhookBackoff.GiveUpAfter, WebhookBackoff.GiveUpAfter + WebhookBackoff.Longest);
                Assert.Equal("The endpoint answered 500.", logged.Single().LastError);
                break;
            }
            fixture.Webhooks.Answer(site, failure);
            fixture.Clock.Advance(WebhookBackoff.After(attempt));
            elapsed += WebhookBackoff.After(attempt);
        }
        fixture.Clock.Advance(WebhookBackoff.Longest);
        Assert.True(await fixture.Webhooks.NothingMore(site), "tried again after giving up");
    }

    [Fact]
    public async Task A_hung_endpoint_never_delays_a_chat()
    {
        var (chat, site) = await Site(WebhookEvents.ConversationStarted, WebhookEvents.Message);
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Webhooks.Hold = hung;
        try
        {
            var (visitorId, start) = await chat.StartChat("Hello");
            await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationStarted, "the attempt that hangs");
            await chat.Assigned(start.ConversationId);
            var posts = Enumerable.Range(1, 20).Select(i => chat.Conversation(start.ConversationId).Post(ChatDriver.Visitor(site, visitorId), $"v{i}", $"Message {i}"));

            var stored = await Task.WhenAll(posts).WaitAsync(Waits.Signal);

            Assert.Equal(20, stored.Select(s => s.Seq).Distinct().Count());
        }
        finally
        {
            fixture.Webhooks.Hold = null;
            hung.SetResult();
        }
    }

    [Fact]
    public async Task A_delivery_is_replayed_with_its_id_on_request()
    {
        var (chat, site) = await Site(WebhookEvents.ConversationStarted);
        await chat.StartChat("Hello");
        var first = await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.ConversationStarted, "the delivery");
        var entry = Assert.Single(await Logged(site, log => log.Any(e => e.Status == WebhookDeliveryStatus.Delivered), "the delivery logged"));

        Assert.True(await fixture.Grains.GetGrain<IWebhookOutboxGrain>(entry.OutboxKey).Replay(entry.Id));
        var again = await fixture.Webhooks.Next(site, a => a.DeliveryId == first.DeliveryId, "the replay");

        Assert.Equal(first.Body.GetProperty("data").GetRawText(), again.Body.GetProperty("data").GetRawText());
        Assert.False(await fixture.Grains.GetGrain<IWebhookOutboxGrain>(entry.OutboxKey).Replay("no-such-delivery"));
    }

    [Fact]
    public async Task A_customers_first_contact_is_queued_once_however_often_and_wherever_they_start_chats()
    {
        var (_, site) = await Site(WebhookEvents.CustomerFirstContact);
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(site, "crm-42"));
        var at = fixture.Clock.GetUtcNow();

        // One-way calls: the second conversation is started only once the first has been heard of, as in a real chat.
        await customer.ConversationStarted("c1", "web", at);
        await customer.ConversationStarted("c1", "web", at);
        var first = await fixture.Webhooks.Next(site, a => a.Event == WebhookEvents.CustomerFirstContact, "the first contact");
        await customer.ConversationStarted("c2", "telegram", at.AddMinutes(5));
        // Heard of the second conversation (one-way, so it is asked until it shows): the customer is not new any more.
        await Eventually.Until(customer.GetProfile, profile => profile.Conversations.Count >= 2, "the customer to hear of the second conversation");
        // Made again from scratch, as after a silo death: the stored first contact is not queued a second time.
        await fixture.Grains.GetGrain<IWebhookOutboxGrain>(GrainKeys.CustomerWebhooks(site, "crm-42"))
            .Enqueue(WebhookNotices.FirstContact("crm-42", "c1", "web", at));

        Assert.Equal("c1", first.Body.GetProperty("data").GetProperty("conversationId").GetString());
        Assert.Equal("crm-42", first.Body.GetProperty("data").GetProperty("customerId").GetString());
        Assert.True(await fixture.Webhooks.NothingMore(site), "the first contact went out twice");
    }

    private async Task<(ChatDriver Chat, string Site)> Site(params string[] events)
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Online("anna");
        await fixture.Grains.GetGrain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site))
            .SetEndpoint(new WebhookEndpoint("crm", "https://crm.example/hooks", Secret, events));
        return (chat, site);
    }

    private static string? Text(ScriptedWebhooks.Attempt attempt) =>
        attempt.Body.GetProperty("data").GetProperty("event").TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>The site's log once it satisfies <paramref name="done"/>: outboxes report to it one-way, so it is read until it does.</summary>
    private Task<IReadOnlyList<WebhookDelivery>> Logged(string site, Func<IReadOnlyList<WebhookDelivery>, bool> done, string expected) =>
        Eventually.Until(() => fixture.Grains.GetGrain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site)).GetDeliveries(100), done, expected);
}
