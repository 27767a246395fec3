using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// Reads one site's IMAP inbox into <see cref="MailIntake"/>: every mail after the last UID taken, oldest first, then
/// waits for more with IDLE where the server has it and by polling otherwise. The position advances after each mail is
/// in its conversation, and a changed UIDVALIDITY reads the box again from the start (the mails' client ids keep that
/// from storing anything twice). The mailbox is opened read-only: flags and folders stay the retailer's.
/// </summary>
public sealed partial class ImapMailboxReader(MailIntake intake, IGrainFactory grains, TimeProvider clock, ILogger<ImapMailboxReader> logger)
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(60);
    /// <summary>Servers drop an IDLE after 30 minutes (RFC 2177); it is renewed well before.</summary>
    public static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(9);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    public async Task RunAsync(string site, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(site, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogFailed(site, error);
            }
            await Task.Delay(RetryAfterFailure, clock, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReadAsync(string site, CancellationToken stopping)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.Email) is not
            { Mailbox: { ImapHost: { } host, ImapUser: { } user, ImapPassword: { } password } mailbox })
        {
            return;
        }
        using var imap = new ImapClient();
        await imap.ConnectAsync(host, mailbox.ImapPort, Enum.Parse<SecureSocketOptions>(mailbox.ImapSecurity, ignoreCase: true), stopping);
        await imap.AuthenticateAsync(user, password, stopping);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly, stopping);
        while (!stopping.IsCancellationRequested)
        {
            await TakeNewAsync(site, inbox, stopping);
            if (imap.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                await IdleAsync(imap, inbox, stopping);
            }
            else
            {
                await Task.Delay(PollEvery, clock, stopping);
                await imap.NoOpAsync(stopping);
            }
        }
    }

    private async Task TakeNewAsync(string site, IMailFolder inbox, CancellationToken stopping)
    {
        var readers = grains.Grain<IMailboxReadersGrain>(IMailboxReadersGrain.Key);
        var (validity, last) = await readers.Position(site);
        if (validity != inbox.UidValidity)
        {
            // A new UIDVALIDITY means the old UIDs name other mails now (or none): read the box from the start.
            (validity, last) = (inbox.UidValidity, 0);
        }
        var uids = (await inbox.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(last + 1), UniqueId.MaxValue)), stopping))
            .Where(uid => uid.Id > last).OrderBy(uid => uid.Id).ToList();
        if (uids.Count == 0)
        {
            return;
        }
        var sizes = (await inbox.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, stopping))
            .ToDictionary(s => s.UniqueId.Id, s => (long)(s.Size ?? 0));
        foreach (var uid in uids)
        {
            await TakeAsync(site, inbox, uid, sizes.GetValueOrDefault(uid.Id), stopping);
            await readers.Advance(site, validity, uid.Id);
        }
    }

    private async Task TakeAsync(string site, IMailFolder inbox, UniqueId uid, long size, CancellationToken stopping)
    {
        InboundMail? mail;
        try
        {
            if (size > MailIntake.MaxMailBytes)
            {
                var headers = await inbox.GetHeadersAsync(uid, stopping);
                var message = new MimeKit.MimeMessage();
                message.Headers.Clear();
                foreach (var header in headers)
                {
                    message.Headers.Add(header);
                }
                message.Body = new MimeKit.TextPart("plain") { Text = "" };
                mail = new InboundMail(message, size, HeadersOnly: true);
                LogHeadersOnly(site, uid.Id, size);
            }
            else
            {
                mail = new InboundMail(await inbox.GetMessageAsync(uid, stopping), size, HeadersOnly: false);
            }
        }
        catch (MimeKit.ParseException)
        {
            mail = null;
        }
        if (mail is null || await intake.AcceptAsync(site, mail, stopping) == MailOutcome.Malformed)
        {
            // Left in the mailbox, where the retailer's own mail client still shows it.
            LogLeft(site, uid.Id);
        }
    }

    private static async Task IdleAsync(ImapClient imap, IMailFolder inbox, CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        done.CancelAfter(IdleFor);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        inbox.CountChanged += Arrived;
        try
        {
            await imap.IdleAsync(done.Token, stopping);
        }
        finally
        {
            inbox.CountChanged -= Arrived;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Reading the mailbox of site {Site} failed; trying again shortly.")]
    private partial void LogFailed(string site, Exception error);

    [LoggerMessage(LogLevel.Warning, "Mail UID {Uid} in the mailbox of site {Site} is {Size} bytes, over the limit: only its headers are read.")]
    private partial void LogHeadersOnly(string site, uint uid, long size);

    [LoggerMessage(LogLevel.Warning, "Mail UID {Uid} in the mailbox of site {Site} is not a mail we can read; it is left in the mailbox.")]
    private partial void LogLeft(string site, uint uid);
}
