using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Channels.Email;
using Switchboard.Tests.DailySummary;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels.Email;

/// <summary>
/// A customer's e-mail thread end to end: their mail through the provider's webhook into the operator's console, the
/// operator's answer through the outbox and a real SMTP client to a mail server the test runs, threaded under the
/// customer's mail with the site's signature, and the customer's reply continuing the same conversation.
/// </summary>
public sealed class EmailConversationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Secret = "mail-hook-secret-0123456789";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_mail_becomes_a_conversation_the_answer_goes_out_threaded_and_the_customers_reply_continues_it()
    {
        using var smtp = SmtpReceiver.Start();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureAsync(site, smtp.Port);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var first = Mails.From("first.1@customer.example", "Blue coat", "Is the blue coat in stock in M?\n\nIvan");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, Mails.Raw(first))).StatusCode);
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var conversationId = assigned.Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Yes, we have it in M." });
        var answer = await smtp.Next("the operator's answer");
        var delivered = await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1");
        var reply = Mails.From("second.2@customer.example", "Re: Blue coat", "Great, I'll order.\n\nOn Fri, Shop wrote:\n> Yes, we have it in M.",
            inReplyTo: answer.MessageId!, references: [first.MessageId!, answer.MessageId!]);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, Mails.Raw(reply))).StatusCode);
        var next = await anna.ExpectAsync("message", f => f.Str("from") == "visitor");
        // Posted again (the provider retried): stored once.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, Mails.Raw(reply))).StatusCode);

        Assert.Equal("email", assigned.GetProperty("visitor").Str("channel"));
        Assert.Equal("Ivan Petrov", assigned.GetProperty("visitor").Str("name"));
        Assert.Contains(assigned.GetProperty("transcript").EnumerateArray(),
            e => e.TryGetProperty("text", out var t) && t.GetString() == "Subject: Blue coat\n\nIs the blue coat in stock in M?\n\nIvan");
        Assert.Equal("Re: Blue coat", answer.Subject);
        Assert.Equal([Mails.Customer], answer.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("help@shop.example", answer.From.Mailboxes.Single().Address);
        Assert.Equal(first.MessageId!, answer.InReplyTo);
        Assert.Equal([first.MessageId!], answer.References);
        Assert.Equal("Yes, we have it in M.\n\n-- \nShop team\nshop.example", answer.TextBody!.Replace("\r\n", "\n").TrimEnd());
        Assert.Equal(site, answer.Headers[AutomaticMail.LoopHeader]);
        Assert.Null(answer.Headers["Auto-Submitted"]);
        Assert.Equal("sent", delivered.Str("status"));
        Assert.Equal(conversationId, next.Str("conversationId"));
        Assert.Equal("Great, I'll order.", next.Str("text"));
        Assert.Equal(["Subject: Blue coat\n\nIs the blue coat in stock in M?\n\nIvan", "Great, I'll order."], await CustomerTexts(site, first.MessageId!));
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_second_answer_threads_under_the_customers_latest_mail()
    {
        using var smtp = SmtpReceiver.Start();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureAsync(site, smtp.Port);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var first = Mails.From("t1@customer.example", "Return", "How do I return a coat?");
        await PostAsync(site, Mails.Raw(first));
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Which order?" });
        var answer = await smtp.Next("the first answer");
        var reply = Mails.From("t2@customer.example", "Re: Return", "Order 1234", inReplyTo: answer.MessageId!, references: [first.MessageId!, answer.MessageId!]);
        await PostAsync(site, Mails.Raw(reply));
        await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("text") == "Order 1234");

        await anna.SendAsync(new { type = "message", conversationId, id = "a2", text = "A label is on its way." });
        var second = await smtp.Next("the second answer");

        Assert.Equal(reply.MessageId!, second.InReplyTo);
        Assert.Equal([first.MessageId!, answer.MessageId!, reply.MessageId!], second.References);
        Assert.Equal("Re: Return", second.Subject);
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Auto_replies_bounces_and_our_own_mail_come_back_start_no_conversation_and_get_no_answer()
    {
        using var smtp = SmtpReceiver.Start();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureAsync(site, smtp.Port);
        var vacation = Mails.From("ooo@customer.example", "Out of office", "I am away until Monday.");
        vacation.Headers.Add("Auto-Submitted", "auto-replied");
        var bulk = Mails.From("news@customer.example", "Weekly news", "Sale!");
        bulk.Headers.Add("Precedence", "bulk");
        var bounce = new MimeMessage { MessageId = "dsn@mx.example", Subject = "Undelivered Mail Returned to Sender" };
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.example"));
        bounce.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "The mail could not be delivered." } };
        // An auto-reply to our own automatic answer, which quotes our loop header back.
        var loop = Mails.From("loop@customer.example", "Re: We have your message", "Thanks for your mail.");
        loop.Headers.Add(AutomaticMail.LoopHeader, site);

        foreach (var mail in new[] { vacation, bulk, bounce, loop })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, Mails.Raw(mail))).StatusCode);
            Assert.Empty(await CustomerTexts(site, mail.MessageId!));
        }
    }

    [Fact]
    public async Task A_30_MB_mail_reaches_the_operator_by_its_headers_with_a_line_saying_what_was_not_read()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureAsync(site, smtpPort: 25);
        var huge = Mails.From("huge@customer.example", "Photos of the damage", "See the photos.");
        var body = new BodyBuilder { TextBody = "See the photos." };
        body.Attachments.Add("photos.zip", new byte[30 * 1024 * 1024], new ContentType("application", "zip"));
        huge.Body = body.ToMessageBody();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, Mails.Raw(huge))).StatusCode);

        var text = Assert.Single(await CustomerTexts(site, huge.MessageId!));
        Assert.StartsWith("Subject: Photos of the damage\n\n[This e-mail was 4", text);
        Assert.Contains(" MB, over the 25 MB limit: its text and files were not read.", text);
    }

    [Fact]
    public async Task A_mail_without_a_sender_is_refused_and_a_forged_or_unknown_post_changes_nothing()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureAsync(site, smtpPort: 25);
        var nobody = new MimeMessage { MessageId = "nobody@x.example", Subject = "?", Body = new TextPart("plain") { Text = "who am I" } };
        var good = Mails.From("good@customer.example", "Hi", "Hello");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(site, Mails.Raw(nobody))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(site, "\u0000\u0001 not a mail at all"u8.ToArray())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(site, Mails.Raw(good), "wrong-secret-0123456789")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("no-such-site", Mails.Raw(good))).StatusCode);
        Assert.Empty(await CustomerTexts(site, good.MessageId!));
    }

    [Fact]
    public async Task A_mails_files_go_through_the_attachment_pipeline_and_a_refused_one_is_a_line_for_the_operator()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureAsync(site, smtpPort: 25);
        var mail = Mails.From("files@customer.example", "Invoice", "The invoice and a program.");
        var body = new BodyBuilder { TextBody = "The invoice and a program." };
        body.Attachments.Add("invoice.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(), new ContentType("application", "pdf"));
        body.Attachments.Add("setup.exe", "MZ\u0090\u0000 program"u8.ToArray(), new ContentType("application", "octet-stream"));
        mail.Body = body.ToMessageBody();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, Mails.Raw(mail))).StatusCode);

        var message = Assert.Single(await CustomerMessages(site, mail.MessageId!));
        Assert.Equal(["invoice.pdf"], message.Attachments!.Select(a => a.Name));
        Assert.Contains("[setup.exe not accepted:", message.Text);
    }

    private async Task ConfigureAsync(string site, int smtpPort)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/email")
        {
            Content = JsonContent.Create(new
            {
                address = "help@shop.example", displayName = "Shop", smtpHost = "127.0.0.1", smtpPort, smtpSecurity = "None",
                inboundSecret = Secret, signature = "Shop team\nshop.example",
            }),
        };
        request.Headers.Authorization = new("Bearer", await Host.LoginAsync(site, "sup"));
        Assert.Equal(HttpStatusCode.NoContent, (await Host.Http.SendAsync(request)).StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string site, byte[] raw, string secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/email/{site}") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new("message/rfc822");
        request.Headers.Add("X-Switchboard-Mail-Secret", secret);
        return await Host.Http.SendAsync(request);
    }

    private async Task<string[]> CustomerTexts(string site, string threadRoot) =>
        [.. (await CustomerMessages(site, threadRoot)).Select(e => e.Text!)];

    private async Task<IReadOnlyList<ConversationEvent>> CustomerMessages(string site, string threadRoot)
    {
        var visitorId = $"email-{MailThreads.KeyOf(threadRoot, null, [])}";
        var conversations = await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).GetConversations();
        if (conversations.Count == 0)
        {
            return [];
        }
        var events = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversations[0]))
            .GetEvents(new Actor(ActorKind.Visitor, site, visitorId), 0, 500);
        return [.. events.Where(e => e.Type == EventTypes.Message && e.From == Senders.Visitor)];
    }
}
