using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Channels;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// WhatsApp's 24-hour window on the fake clock: free text inside it, an approved template outside it (the operator's
/// own choice, or the site's template for an automatic message), a refusal before anything is sent otherwise; and the
/// platform's later reports on a message becoming its delivery events.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class WhatsAppWindowTests(ClusterFixture fixture)
{
    private const string Number = "79005556677";
    private static readonly TimeSpan JustPastTheWindow = WhatsAppWindow.Length + TimeSpan.FromMinutes(1);
    private static readonly MessageTemplate FollowUp = new("follow_up", "en", "Hello again! We have news about your request.");
    private static readonly MessageTemplate ClosingNote = new("closing_note", "en", "Thank you for writing to us.") { Purpose = TemplatePurposes.Close };

    [Fact]
    public async Task Outside_the_window_free_text_is_refused_before_it_is_stored_and_a_template_goes_out_instead()
    {
        var (chat, site, id, anna) = await AnsweredWhatsAppChat([FollowUp]);
        fixture.Clock.Advance(JustPastTheWindow);

        var refused = await Assert.ThrowsAsync<SwitchboardException>(() => chat.Conversation(id).Post(anna, "late", "Are you still there?"));
        var unknown = await Assert.ThrowsAsync<SwitchboardException>(() =>
            chat.Conversation(id).Send(anna, new MessageDraft("t0", null) { Template = "no_such_template" }));
        var sent = await chat.Conversation(id).Send(anna, new MessageDraft("t1", null) { Template = FollowUp.Name });
        var (_, template) = await fixture.WhatsApp.Next(site, m => m.MessageId == "t1", "the template");
        var stored = await chat.Event(id, e => e.Seq == sent.Seq, "the template in the transcript");

        Assert.Equal((ErrorCodes.TemplateRequired, WhatsAppWindow.ClosedReason), (refused.Code, refused.Message));
        Assert.Equal(ErrorCodes.NotFound, unknown.Code);
        Assert.DoesNotContain(await chat.Conversation(id).GetEvents(anna, 0, 100), e => e.ClientId is "late" or "t0");
        Assert.Equal(("follow_up", "en", FollowUp.Body), (template.Template, template.TemplateLanguage, template.Text));
        Assert.Null(template.Author);
        Assert.Equal((FollowUp.Body, "follow_up", Senders.Operator), (stored.Text, stored.Template, stored.From));
    }

    [Fact]
    public async Task A_new_message_from_the_customer_opens_the_window_again()
    {
        var (chat, site, id, anna) = await AnsweredWhatsAppChat([]);
        var customer = ChatDriver.Visitor(site, ContactIds.VisitorId(ChannelNames.WhatsApp, Number));
        fixture.Clock.Advance(JustPastTheWindow);

        await chat.Conversation(id).Post(customer, "wa:2", "Hello? Any news?");
        var answer = await chat.Conversation(id).Post(anna, "a2", "Yes: it ships tomorrow.");
        var (_, sent) = await fixture.WhatsApp.Next(site, m => m.MessageId == "a2", "the answer inside the new window");

        Assert.Equal(answer.Seq, sent.Seq);
        Assert.Equal(fixture.Clock.GetUtcNow(), sent.CustomerWroteAt);
    }

    [Fact]
    public async Task Outside_the_window_an_automatic_message_goes_as_the_sites_template_for_it_or_is_reported_failed_unsent()
    {
        var (withTemplate, siteA, idA, annaA) = await AnsweredWhatsAppChat([ClosingNote]);
        var (without, siteB, idB, annaB) = await AnsweredWhatsAppChat([]);
        fixture.Clock.Advance(JustPastTheWindow);

        await withTemplate.Conversation(idA).Close(annaA);
        var (_, closing) = await fixture.WhatsApp.Next(siteA, m => m.Purpose == TemplatePurposes.Close, "the closing template");
        await without.Conversation(idB).Close(annaB);
        var closed = await without.Event(idB, e => e.Type == EventTypes.Closed, "the close");
        var failed = await without.Event(idB, e => e.Type == EventTypes.Delivery && e.MessageId == ChannelRelay.MessageIdOf(closed),
            "the closing message reported failed");

        Assert.Equal(("closing_note", ClosingNote.Body), (closing.Template, closing.Text));
        Assert.Null(closing.Buttons);
        Assert.Equal((DeliveryStatus.Failed, WhatsAppWindow.NoTemplateReason), (failed.Status, failed.Error));
        Assert.True(await fixture.WhatsApp.NothingMore(siteB), "a message outside the window was sent without a template");
    }

    [Fact]
    public async Task The_platforms_reports_on_a_sent_message_become_its_delivery_events_once_and_only_forward()
    {
        var (chat, site, id, anna) = await AnsweredWhatsAppChat([], answer: false);
        var outbox = fixture.Grains.GetGrain<IChannelOutboxGrain>(GrainKeys.Outbox(site, id));
        fixture.WhatsApp.Answer(SendOutcome.Sent("wamid.OUT-7"));
        await chat.Conversation(id).Post(anna, "a7", "It is in stock.");
        await fixture.WhatsApp.Next(site, m => m.MessageId == "a7", "the answer");
        await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "a7", "the answer reported sent");

        var delivered = await outbox.PlatformReported("wamid.OUT-7", DeliveryStatus.Delivered, null);
        await chat.Event(id, e => e.MessageId == "a7" && e.Status == DeliveryStatus.Delivered, "the answer reported delivered");
        await outbox.PlatformReported("wamid.OUT-7", DeliveryStatus.Delivered, null);
        await outbox.PlatformReported("wamid.OUT-7", DeliveryStatus.Read, null);
        await chat.Event(id, e => e.MessageId == "a7" && e.Status == DeliveryStatus.Read, "the answer reported read");
        await outbox.PlatformReported("wamid.OUT-7", DeliveryStatus.Sent, null);
        var unknown = await outbox.PlatformReported("wamid.SOMEONE-ELSES", DeliveryStatus.Read, null);
        // A marker after the reports: once it is stored, every report before it has been stored or dropped.
        var marker = await chat.Conversation(id).AddNote(anna, "n1", "checked");
        await chat.Event(id, e => e.Seq == marker.Seq, "the note");

        Assert.True(delivered);
        Assert.False(unknown);
        Assert.Equal(
            [DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read],
            chat.Events(id).Where(e => e.Type == EventTypes.Delivery && e.MessageId == "a7").Select(e => e.Status));
        Assert.Equal(1, chat.Events(id).Count(e => e.Type == EventTypes.Message && e.ClientId == "a7"));
    }

    /// <summary>A WhatsApp chat with anna, the site's templates set; with <paramref name="answer"/>, she has answered the customer.</summary>
    private async Task<(ChatDriver Chat, string Site, string ConversationId, Actor Anna)> AnsweredWhatsAppChat(
        IReadOnlyList<MessageTemplate> templates, bool answer = true)
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600, InactivityMinutes = 2 * 24 * 60 });
        await fixture.Grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).SetChannel(new ChannelSettings
        {
            Channel = ChannelNames.WhatsApp, ApiBaseUrl = "http://127.0.0.1:9", AccessToken = "t", AppSecret = "s",
            VerifyToken = "v", PhoneNumberId = "555", ApiVersion = "v21.0", Templates = templates,
        });
        await chat.Online("anna");
        var visitorId = ContactIds.VisitorId(ChannelNames.WhatsApp, Number);
        var start = await fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).StartChat(
            new StartChatRequest("wa:1", null, "Is the blue dress in stock?", null) { Channel = ChannelNames.WhatsApp, ContactId = Number },
            chat.Reference);
        var id = start.ConversationId;
        await chat.Assigned(id);
        await fixture.WhatsApp.Next(site, m => m.Purpose == TemplatePurposes.Joined, "the operator joining");
        var anna = ChatDriver.Operator(site, "anna");
        if (answer)
        {
            await chat.Conversation(id).Post(anna, "a1", "Let me check.");
            await fixture.WhatsApp.Next(site, m => m.MessageId == "a1", "the first answer");
            await chat.Event(id, e => e.Type == EventTypes.Delivery && e.MessageId == "a1", "the first answer reported sent");
        }
        return (chat, site, id, anna);
    }
}
