using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Channels.Email;
using Switchboard.Gateway.Channels.Email;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels.Email;

/// <summary>
/// A mailbox read over IMAP (a server the test runs): what is in it becomes conversations, a mail arriving during IDLE
/// is taken at once (or at the next poll where the server has no IDLE), a mail over the size limit is taken by its
/// headers, and a reader started again resumes after the last mail it took.
/// </summary>
public sealed class ImapReaderTests(ImapReaderTests.ReaderlessHost fixture) : IClassFixture<ImapReaderTests.ReaderlessHost>
{
    /// <summary>A gateway whose own background readers are off, so the test's reader is the mailbox's only one.</summary>
    public sealed class ReaderlessHost : IDisposable
    {
        private readonly TempDirectory _data = new();

        public ReaderlessHost() => Host = new GatewayHost(_data.Path, new Dictionary<string, string> { [ImapReaders.Setting] = "false" });

        public GatewayHost Host { get; }

        public void Dispose()
        {
            Host.Dispose();
            _data.Dispose();
        }
    }

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_inbox_is_read_new_mail_arrives_through_idle_and_a_restarted_reader_reads_nothing_twice()
    {
        await using var imap = FakeImapServer.Start();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var first = Mails.From("imap-1@customer.example", "Gift card", "Do gift cards expire?");
        imap.Add(Mails.Raw(first));
        imap.Add(Mails.Raw(Mails.From("imap-2@customer.example", "Opening hours", "Are you open on Sunday?")));
        await ConfigureAsync(site, imap.Port);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var reader = Host.Services.GetRequiredService<ImapMailboxReader>();

        using (var running = new CancellationTokenSource())
        {
            var reading = reader.RunAsync(site, running.Token);
            // The two conversations may be offered in either order: each is found by what it says.
            var one = await AssignedAsync(anna, "Subject: Gift card\n\nDo gift cards expire?");
            await AssignedAsync(anna, "Subject: Opening hours\n\nAre you open on Sunday?");
            imap.Add(Mails.Raw(Mails.From("imap-3@customer.example", "Re: Gift card", "And can I use two at once?",
                inReplyTo: first.MessageId!, references: [first.MessageId!])));
            var reply = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("text") == "And can I use two at once?");
            await running.CancelAsync();
            await reading;

            Assert.Equal(one.Str("conversationId"), reply.Str("conversationId"));
        }
        Assert.Equal((FakeImapServer.UidValidity, 3u), await Host.Grains.GetGrain<IMailboxReadersGrain>(IMailboxReadersGrain.Key).Position(site));

        // Started again (a restart, or another node taking the lease): only the mail that came since is read.
        imap.Add(Mails.Raw(Mails.From("imap-4@customer.example", "Re: Gift card", "Thanks!", inReplyTo: first.MessageId!, references: [first.MessageId!])));
        using (var again = new CancellationTokenSource())
        {
            var reading = reader.RunAsync(site, again.Token);
            var next = await anna.ExpectAsync("message", f => f.Str("from") == "visitor");
            await again.CancelAsync();
            await reading;
            Assert.Equal("Thanks!", next.Str("text"));
        }
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Without_idle_the_reader_polls_for_new_mail_and_a_restarted_reader_resumes_after_the_last_uid()
    {
        await using var imap = FakeImapServer.Start(idle: false);
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var first = Mails.From("poll-1@customer.example", "Delivery", "Where is my parcel?");
        imap.Add(Mails.Raw(first));
        await ConfigureAsync(site, imap.Port);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var clock = new AriTestClock();
        var reader = new ImapMailboxReader(Host.Services.GetRequiredService<MailIntake>(), Host.Grains, clock, new FakeLogger<ImapMailboxReader>());

        using (var running = new CancellationTokenSource())
        {
            var reading = reader.RunAsync(site, running.Token);
            var one = await AssignedAsync(anna, "Subject: Delivery\n\nWhere is my parcel?");
            // The reader waits out the poll interval; the mail that arrives meanwhile is taken when it ends, not before.
            await clock.WaitForTimerAsync(ImapMailboxReader.PollEvery, 1);
            imap.Add(Mails.Raw(Mails.From("poll-2@customer.example", "Re: Delivery", "It was due yesterday.",
                inReplyTo: first.MessageId!, references: [first.MessageId!])));
            clock.Advance(ImapMailboxReader.PollEvery);
            var polled = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("text") == "It was due yesterday.");
            await clock.WaitForTimerAsync(ImapMailboxReader.PollEvery, 2);
            await running.CancelAsync();
            await reading;

            Assert.Equal(one.Str("conversationId"), polled.Str("conversationId"));
        }
        Assert.Equal((FakeImapServer.UidValidity, 2u), await Host.Grains.GetGrain<IMailboxReadersGrain>(IMailboxReadersGrain.Key).Position(site));

        imap.Add(Mails.Raw(Mails.From("poll-3@customer.example", "Re: Delivery", "It came, thanks.", inReplyTo: first.MessageId!, references: [first.MessageId!])));
        using (var again = new CancellationTokenSource())
        {
            var reading = reader.RunAsync(site, again.Token);
            var next = await anna.ExpectAsync("message", f => f.Str("from") == "visitor");
            await clock.WaitForTimerAsync(ImapMailboxReader.PollEvery, 3);
            await again.CancelAsync();
            await reading;
            Assert.Equal("It came, thanks.", next.Str("text"));
        }
        Assert.Equal(["Subject: Delivery\n\nWhere is my parcel?", "It was due yesterday.", "It came, thanks."], await CustomerTextsAsync(site, first.MessageId!));
        Assert.Equal((FakeImapServer.UidValidity, 3u), await Host.Grains.GetGrain<IMailboxReadersGrain>(IMailboxReadersGrain.Key).Position(site));
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_30_MB_mail_is_taken_by_its_headers_with_a_log_line_and_the_reader_goes_on_to_the_next()
    {
        await using var imap = FakeImapServer.Start();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var huge = Mails.From("imap-huge@customer.example", "Photos of the damage", "See the photos.");
        var body = new BodyBuilder { TextBody = "See the photos." };
        // 22.5 MB of file is 30 MB of base64 in the mail, as the server counts it (RFC822.SIZE).
        body.Attachments.Add("photos.zip", new byte[45 * 512 * 1024], new ContentType("application", "zip"));
        huge.Body = body.ToMessageBody();
        var raw = Mails.Raw(huge);
        Assert.Equal(30, raw.Length / (1024 * 1024));
        imap.Add(raw);
        var after = Mails.From("imap-after@customer.example", "Returns", "How do I return a jacket?");
        imap.Add(Mails.Raw(after));
        await ConfigureAsync(site, imap.Port);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var logs = new FakeLogger<ImapMailboxReader>();
        var reader = new ImapMailboxReader(Host.Services.GetRequiredService<MailIntake>(), Host.Grains, TimeProvider.System, logs);

        using (var running = new CancellationTokenSource())
        {
            var reading = reader.RunAsync(site, running.Token);
            await AssignedAsync(anna, "Subject: Photos of the damage\n\n[This e-mail was 30 MB, over the 25 MB limit: its text and files were not read."
                + " Ask the customer to send the files in smaller mails.]");
            await AssignedAsync(anna, "Subject: Returns\n\nHow do I return a jacket?");
            await running.CancelAsync();
            await reading;
        }
        var line = Assert.Single(logs.Collector.GetSnapshot(), l => l.Message.Contains("over the limit", StringComparison.Ordinal));
        Assert.Equal($"Mail UID 1 in the mailbox of site {site} is {raw.Length} bytes, over the limit: only its headers are read.", line.Message);
        Assert.Single(await CustomerTextsAsync(site, huge.MessageId!));
        Assert.Single(await CustomerTextsAsync(site, after.MessageId!));
        Assert.Equal((FakeImapServer.UidValidity, 2u), await Host.Grains.GetGrain<IMailboxReadersGrain>(IMailboxReadersGrain.Key).Position(site));
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Each_mailbox_is_read_by_one_node_until_its_lease_runs_out()
    {
        var readers = Host.Grains.GetGrain<IMailboxReadersGrain>(IMailboxReadersGrain.Key);
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await readers.SetReading(site, true);

        var first = await readers.Claim("node-a", TimeSpan.Zero);
        var taken = await readers.Claim("node-b", TimeSpan.FromMinutes(2));
        var refused = await readers.Claim("node-a", TimeSpan.FromMinutes(2));
        await readers.SetReading(site, false);
        var stopped = await readers.Claim("node-b", TimeSpan.FromMinutes(2));

        Assert.Contains(site, first);
        Assert.Contains(site, taken);
        Assert.DoesNotContain(site, refused);
        Assert.DoesNotContain(site, stopped);
    }

    private static Task<System.Text.Json.JsonElement> AssignedAsync(TestSocket operatorSocket, string firstText) =>
        operatorSocket.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _) && Transcript(f) == firstText);

    private static string Transcript(System.Text.Json.JsonElement assigned) =>
        assigned.GetProperty("transcript").EnumerateArray().First(e => e.TryGetProperty("text", out _)).Str("text");

    /// <summary>What the customer wrote in the thread that <paramref name="threadRoot"/> started, as stored.</summary>
    private async Task<string[]> CustomerTextsAsync(string site, string threadRoot)
    {
        var visitorId = $"email-{MailThreads.KeyOf(threadRoot, null, [])}";
        var conversations = await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).GetConversations();
        var events = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, Assert.Single(conversations)))
            .GetEvents(new Actor(ActorKind.Visitor, site, visitorId), 0, 500);
        return [.. events.Where(e => e.Type == EventTypes.Message && e.From == Senders.Visitor).Select(e => e.Text!)];
    }

    private async Task ConfigureAsync(string site, int imapPort)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/email")
        {
            Content = JsonContent.Create(new
            {
                address = "help@shop.example", smtpHost = "127.0.0.1", smtpPort = 25, smtpSecurity = "None",
                imapHost = "127.0.0.1", imapPort, imapSecurity = "None", imapUser = FakeImapServer.User, imapPassword = FakeImapServer.Password,
            }),
        };
        request.Headers.Authorization = new("Bearer", await Host.LoginAsync(site, "sup"));
        Assert.Equal(HttpStatusCode.NoContent, (await Host.Http.SendAsync(request)).StatusCode);
    }
}
