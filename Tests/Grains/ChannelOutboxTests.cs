using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Orleans.Storage;
using Switchboard.Grains;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>A messenger conversation's way out: what is relayed, in order, retried as the platform asks, and reported back.</summary>
[Collection(ClusterFixture.Name)]
public sealed class ChannelOutboxTests(ClusterFixture fixture)
{
    private const string TelegramUser = "700100";

    [Fact]
    public async Task Operator_messages_go_out_in_order_with_their_buttons_and_each_is_reported_sent()
    {
        var (chat, site, id) = await TelegramChat();
        var anna = ChatDriver.Operator(site, "anna");

        var joined = await fixture.Telegram.Next(site, m => m.Text!.EndsWith(" has joined the chat."), "the operator joining");
        var first = await chat.Conversation(id).Post(anna, "a1", "Which size?", ["S", "M"]);
        var second = await chat.Conversation(id).Post(anna, "a2", "We have both.");
        var (contact, sentFirst) = await fixture.Telegram.Next(site, m => m.MessageId == "a1", "the first reply");
        var (_, sentSecond) = await fixture.Telegram.Next(site, m => m.MessageId == "a2", "the second reply");
        // Outcomes come back as one-way calls, which need not arrive in order: each is waited for.
        var deliveredFirst = await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "a1", "the first reply reported sent");
        var delivered = await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "a2", "the second reply reported sent");

        Assert.Equal(TelegramUser, contact);
        Assert.True(joined.Message.Seq < sentFirst.Seq && sentFirst.Seq < sentSecond.Seq);
        Assert.Equal(first.Seq, sentFirst.Seq);
        Assert.Equal(second.Seq, sentSecond.Seq);
        Assert.Equal(["S", "M"], sentFirst.Buttons!.Select(b => b.Payload));
        Assert.Equal("anna", sentFirst.Author);
        Assert.Equal(DeliveryStatus.Sent, delivered.Status);
        Assert.Equal(DeliveryStatus.Sent, deliveredFirst.Status);
    }

    [Fact]
    public async Task A_throttled_send_waits_as_long_as_the_platform_asks_then_goes_once()
    {
        var (chat, site, id) = await TelegramChat();
        await fixture.Telegram.Next(site, m => m.Text!.Contains("joined"), "the operator joining");
        fixture.Telegram.Answer(SendOutcome.Throttled(TimeSpan.FromSeconds(30)));

        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "t1", "One moment please");
        await fixture.Telegram.Next(site, m => m.MessageId == "t1", "the first, throttled attempt");
        Assert.True(await fixture.Telegram.NothingMore(site), "sent again before the platform's retry_after");
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await fixture.Telegram.Next(site, m => m.MessageId == "t1", "the attempt after retry_after");
        var delivered = await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "t1", "the delivery report");

        Assert.Equal(DeliveryStatus.Sent, delivered.Status);
        Assert.True(await fixture.Telegram.NothingMore(site), "a sent message went out again");
    }

    [Fact]
    public async Task A_refused_send_is_shown_to_the_operator_as_failed_with_the_platforms_reason()
    {
        var (chat, site, id) = await TelegramChat();
        await fixture.Telegram.Next(site, m => m.Text!.Contains("joined"), "the operator joining");
        fixture.Telegram.Answer(SendOutcome.Rejected("Forbidden: bot was blocked by the user"));

        await chat.Conversation(id).Post(ChatDriver.Operator(site, "anna"), "b1", "Hello?");
        var failed = await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "b1", "the failure report");

        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("Forbidden: bot was blocked by the user", failed.Error);
    }

    [Fact]
    public async Task The_close_asks_a_messenger_contact_for_a_rating_with_buttons_and_web_chats_send_nothing()
    {
        var (chat, site, id) = await TelegramChat();
        await chat.Conversation(id).Close(ChatDriver.Operator(site, "anna"));
        var (_, rating) = await fixture.Telegram.Next(site, m => m.Buttons is { Count: 5 }, "the rating request");

        var (_, web) = await chat.StartChat("A web question");
        await chat.Assigned(web.ConversationId);
        await chat.Conversation(web.ConversationId).Post(ChatDriver.Operator(site, "anna"), "w1", "Web answer");

        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5"], rating.Buttons!.Select(b => b.Payload));
        Assert.True(await fixture.Telegram.NothingMore(site), "a web chat's message went to Telegram");
    }

    [Fact]
    public async Task A_reply_stored_but_never_handed_to_the_outbox_goes_out_when_the_conversation_comes_back()
    {
        var (chat, site, id) = await TelegramChat();
        var anna = ChatDriver.Operator(site, "anna");
        await JoinedAndReported(chat, site, id);
        // What a silo dying between the append and the hand-over leaves: the log holds the reply, the outbox never heard of it.
        await StoreBehindTheGrain(site, id, anna, "lost-1", "Yes, we have it in red.");

        await fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id)).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await chat.Conversation(id).GetSnapshot(anna);
        var (_, resent) = await fixture.Telegram.Next(site, m => m.MessageId == "lost-1", "the stored reply, sent on reactivation");

        Assert.Equal("Yes, we have it in red.", resent.Text);
        Assert.True(await fixture.Telegram.NothingMore(site), "a message went out twice");
    }

    [Fact]
    public async Task A_reply_whose_commit_landed_though_its_sender_heard_it_fail_goes_out_once_the_conversation_catches_up()
    {
        var (chat, site, id) = await TelegramChat();
        var anna = ChatDriver.Operator(site, "anna");
        await JoinedAndReported(chat, site, id);
        await StoreBehindTheGrain(site, id, anna, "landed-1", "It ships tomorrow.");

        // The grain's next append meets the stored row: it catches up with the log before its next call.
        await Assert.ThrowsAnyAsync<Exception>(() => chat.Conversation(id).Post(anna, "a2", "Anything else?"));
        var retried = await chat.Conversation(id).Post(anna, "landed-1", "It ships tomorrow.");
        var (_, sent) = await fixture.Telegram.Next(site, m => m.MessageId == "landed-1", "the reply that landed");

        Assert.Equal("It ships tomorrow.", sent.Text);
        Assert.Equal(sent.Seq, retried.Seq);
    }

    [Fact]
    public async Task A_sent_reply_whose_pending_entry_was_still_stored_is_not_sent_again_when_the_outbox_comes_back()
    {
        var (chat, site, id) = await TelegramChat();
        var anna = ChatDriver.Operator(site, "anna");
        await JoinedAndReported(chat, site, id);
        await chat.Conversation(id).Post(anna, "r1", "It is in stock.");
        var (contact, sent) = await fixture.Telegram.Next(site, m => m.MessageId == "r1", "the reply");
        await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "r1", "the reply reported sent");
        // A finished send writes only its outcome: the stored pending list still holds the reply.
        Assert.Contains((await Stored<OutboxState>(StorageNames.OutboxState, site, id)).Pending, p => p.Message.MessageId == "r1");

        var outbox = Outbox(site, id);
        await outbox.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var pending = await outbox.GetPending();
        await outbox.Enqueue(ChannelNames.Telegram, contact, sent);

        Assert.Empty(pending);
        Assert.True(await fixture.Telegram.NothingMore(site), "a sent reply went out again");
    }

    [Fact]
    public async Task Outcomes_stored_with_the_pending_list_as_before_are_moved_and_still_answer_a_repeated_enqueue()
    {
        var (chat, site, id) = await TelegramChat();
        await JoinedAndReported(chat, site, id);
        var old = new OutboundMessage("old-1", "Sent before the upgrade") { Seq = 1 };
        // The shape a state had before outcomes were stored apart: a head sent, and its outcome beside it.
        await Store(StorageNames.OutboxState, site, id, new OutboxState
        {
            Channel = ChannelNames.Telegram, ContactId = TelegramUser,
            Pending = [new PendingSend { Message = old, Attempts = 1 }],
            Done = [new DeliveryReport("old-1", DeliveryStatus.Sent, null, "tg-9")],
        });
        var outbox = Outbox(site, id);
        await outbox.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var pending = await outbox.GetPending();
        await outbox.Enqueue(ChannelNames.Telegram, TelegramUser, old);
        var known = await outbox.PlatformReported("tg-9", DeliveryStatus.Read, null);
        var moved = await Stored<OutboxOutcomes>(StorageNames.OutboxOutcomes, site, id);
        var box = await Stored<OutboxState>(StorageNames.OutboxState, site, id);

        Assert.Empty(pending);
        Assert.True(known);
        Assert.Contains(moved.Kept, k => k.MessageId == "old-1" && k.PlatformMessageId == "tg-9");
        Assert.Empty(box.Done);
        Assert.True(await fixture.Telegram.NothingMore(site), "a message sent before the upgrade went out again");
    }

    [Fact]
    public async Task The_reminder_stays_while_the_outbox_is_busy_and_goes_with_a_tick_that_finds_nothing_pending()
    {
        var (chat, site, id) = await TelegramChat();
        await JoinedAndReported(chat, site, id);
        var outbox = Outbox(site, id);
        var grainId = outbox.GetGrainId();
        var kept = await fixture.Reminders.ReadRow(grainId, ChannelOutboxGrain.PendingReminder);

        await outbox.AsReference<IRemindable>().ReceiveReminder(ChannelOutboxGrain.PendingReminder, new TickStatus(fixture.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), fixture.Clock.GetUtcNow().UtcDateTime));
        var afterTick = await fixture.Reminders.ReadRow(grainId, ChannelOutboxGrain.PendingReminder);
        var stored = await Stored<OutboxState>(StorageNames.OutboxState, site, id);

        Assert.NotNull(kept);
        Assert.Null(afterTick);
        Assert.Empty(stored.Pending);
    }

    private IChannelOutboxGrain Outbox(string site, string id) => fixture.Grains.GetGrain<IChannelOutboxGrain>(GrainKeys.Outbox(site, id));

    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);

    private async Task<T> Stored<T>(string stateName, string site, string id) where T : new()
    {
        var state = new GrainState<T>();
        await Storage.ReadStateAsync(stateName, Outbox(site, id).GetGrainId(), state);
        return state.State!;
    }

    private async Task Store<T>(string stateName, string site, string id, T value) where T : new()
    {
        var state = new GrainState<T>();
        await Storage.ReadStateAsync(stateName, Outbox(site, id).GetGrainId(), state);
        state.State = value;
        await Storage.WriteStateAsync(stateName, Outbox(site, id).GetGrainId(), state);
    }

    /// <summary>The join message sent and its outcome stored: nothing more is appended until the test acts.</summary>
    private async Task JoinedAndReported(ChatDriver chat, string site, string id)
    {
        var (_, joined) = await fixture.Telegram.Next(site, m => m.Text!.Contains("joined"), "the operator joining");
        await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == joined.MessageId, "the join's delivery report");
    }

    private async Task StoreBehindTheGrain(string site, string id, Actor author, string clientId, string text)
    {
        var key = GrainKeys.Conversation(site, id);
        var lastSeq = (await fixture.Grains.GetGrain<IConversationGrain>(key).GetSnapshot(author)).LastSeq;
        var log = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventLog>();
        await log.AppendAsync(key, [new ConversationEvent
        {
            Seq = lastSeq + 1, Type = EventTypes.Message, At = fixture.Clock.GetUtcNow(), ClientId = clientId, From = Senders.Operator,
            AuthorId = author.Id, Author = author.Name, Text = text, Kind = MessageKinds.Text,
        }]);
    }

    private async Task<(ChatDriver Chat, string Site, string ConversationId)> TelegramChat()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600 });
        await chat.Online("anna");
        var visitorId = ContactIds.VisitorId(ChannelNames.Telegram, TelegramUser);
        var start = await fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).StartChat(
            new StartChatRequest("tg:1", null, "Do you have it in red?", null) { Channel = ChannelNames.Telegram, ContactId = TelegramUser },
            chat.Reference);
        await chat.Assigned(start.ConversationId);
        return (chat, site, start.ConversationId);
    }
}
