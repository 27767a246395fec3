using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Channels;
using Switchboard.Gateway.Channels.Email;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels.Email;

/// <summary>
/// A mailbox read over IMAP (a server the test runs): what is in it becomes conversations, a mail arriving during IDLE
/// is taken at once, and a reader started again resumes after the last mail it took.
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
            var one = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
            var two = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _) && f.Str("conversationId") != one.Str("conversationId"));
            imap.Add(Mails.Raw(Mails.From("imap-3@customer.example", "Re: Gift card", "And can I use two at once?",
                inReplyTo: first.MessageId!, references: [first.MessageId!])));
            var reply = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("text") == "And can I use two at once?");
            await running.CancelAsync();
            await reading;

            Assert.Equal("Subject: Gift card\n\nDo gift cards expire?", Transcript(one));
            Assert.Equal("Subject: Opening hours\n\nAre you open on Sunday?", Transcript(two));
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

    private static string Transcript(System.Text.Json.JsonElement assigned) =>
        assigned.GetProperty("transcript").EnumerateArray().First(e => e.TryGetProperty("text", out _)).Str("text");

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
