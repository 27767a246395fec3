using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Switchboard.Tests.Channels.Email;

/// <summary>
/// An IMAP server on loopback, started by the test, that speaks just enough IMAP4rev1 for MailKit's reader: LOGIN,
/// LIST, EXAMINE, UID SEARCH, UID FETCH (UID, RFC822.SIZE, BODY.PEEK[] and [HEADER]), IDLE with EXISTS pushed when a
/// mail arrives, NOOP and LOGOUT. One inbox, one UIDVALIDITY, one client at a time.
/// </summary>
public sealed class FakeImapServer : IAsyncDisposable
{
    public const string User = "shop";
    public const string Password = "imap-pass";
    public const uint UidValidity = 7;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<byte[]> _mails = [];
    private readonly Channel<int> _arrived = Channel.CreateUnbounded<int>();
    private readonly bool _idle;
    private Task _serving = Task.CompletedTask;

    private FakeImapServer(bool idle) => _idle = idle;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static FakeImapServer Start(bool idle = true)
    {
        var server = new FakeImapServer(idle);
        server._listener.Start();
        server._serving = server.ServeAsync();
        return server;
    }

    public void Add(byte[] mail)
    {
        lock (_mails)
        {
            _mails.Add(mail);
            _arrived.Writer.TryWrite(_mails.Count);
        }
    }

    private string Capabilities => _idle ? "IMAP4rev1 IDLE" : "IMAP4rev1";

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException
                || error is SocketException or ObjectDisposedException && _stop.IsCancellationRequested)
            {
                // Stopped: the listener's stop can end the waiting accept with a socket error instead of a cancellation.
                return;
            }
            using (client)
            {
                try
                {
                    await SessionAsync(client.GetStream());
                }
                catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client went away; the next one is served.
                }
            }
        }
    }

    private async Task SessionAsync(NetworkStream stream)
    {
        var reader = new StreamReader(stream, Encoding.ASCII);
        async Task Write(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"), _stop.Token);
        await Write($"* OK [CAPABILITY {Capabilities}] fake IMAP ready");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var parts = line.Split(' ', 3);
            var (tag, command, args) = (parts[0], parts.Length > 1 ? parts[1].ToUpperInvariant() : "", parts.Length > 2 ? parts[2] : "");
            switch (command)
            {
                case "CAPABILITY":
                    await Write($"* CAPABILITY {Capabilities}");
                    await Write($"{tag} OK done");
                    break;
                case "LOGIN":
                    var credentials = args.Split(' ').Select(a => a.Trim('"')).ToArray();
                    await Write(credentials is [User, Password] ? $"{tag} OK [CAPABILITY {Capabilities}] logged in" : $"{tag} NO [AUTHENTICATIONFAILED] wrong");
                    break;
                case "LIST":
                    await Write(args.EndsWith("\"\"", StringComparison.Ordinal) ? "* LIST (\\Noselect) \"/\" \"\"" : "* LIST (\\HasNoChildren) \"/\" INBOX");
                    await Write($"{tag} OK done");
                    break;
                case "EXAMINE" or "SELECT":
                    var count = Count();
                    await Write("* FLAGS (\\Seen \\Answered)");
                    await Write($"* {count} EXISTS");
                    await Write("* 0 RECENT");
                    await Write($"* OK [UIDVALIDITY {UidValidity}] valid");
                    await Write($"* OK [UIDNEXT {count + 1}] next");
                    await Write($"{tag} OK [READ-ONLY] opened");
                    break;
                case "UID":
                    await UidAsync(tag, args, stream, Write);
                    break;
                case "IDLE":
                    await IdleAsync(tag, reader, Write);
                    break;
                case "NOOP":
                    await Write($"{tag} OK done");
                    break;
                case "LOGOUT":
                    await Write("* BYE bye");
                    await Write($"{tag} OK done");
                    return;
                default:
                    await Write($"{tag} BAD not spoken here");
                    break;
            }
        }
    }

    private async Task UidAsync(string tag, string args, NetworkStream stream, Func<string, Task> write)
    {
        var words = args.Split(' ', 3);
        if (words[0].Equals("SEARCH", StringComparison.OrdinalIgnoreCase))
        {
            var set = words.Length > 2 ? words[2] : words[1];
            await write("* SEARCH " + string.Join(' ', Uids(set)));
            await write($"{tag} OK done");
            return;
        }
        // UID FETCH {set} ({items})
        var items = words[2].ToUpperInvariant();
        foreach (var uid in Uids(words[1]))
        {
            var mail = Mail(uid);
            if (items.Contains("BODY.PEEK[HEADER]", StringComparison.Ordinal))
            {
                var end = Encoding.ASCII.GetString(mail).IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var header = mail[..(end < 0 ? mail.Length : end + 4)];
                await Literal(stream, $"* {uid} FETCH (UID {uid} BODY[HEADER] {{{header.Length}}}", header);
            }
            else if (items.Contains("BODY.PEEK[]", StringComparison.Ordinal))
            {
                await Literal(stream, $"* {uid} FETCH (UID {uid} BODY[] {{{mail.Length}}}", mail);
            }
            else
            {
                await write($"* {uid} FETCH (UID {uid} RFC822.SIZE {mail.Length})");
            }
        }
        await write($"{tag} OK done");
    }

    private async Task Literal(NetworkStream stream, string head, byte[] content)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n"), _stop.Token);
        await stream.WriteAsync(content, _stop.Token);
        await stream.WriteAsync(")\r\n"u8.ToArray(), _stop.Token);
    }

    /// <summary>Waits for DONE, telling the client of each mail that arrives meanwhile.</summary>
    private async Task IdleAsync(string tag, StreamReader reader, Func<string, Task> write)
    {
        await write("+ idling");
        var done = reader.ReadLineAsync(_stop.Token).AsTask();
        while (true)
        {
            var arrived = _arrived.Reader.WaitToReadAsync(_stop.Token).AsTask();
            if (await Task.WhenAny(done, arrived) == done)
            {
                break;
            }
            while (_arrived.Reader.TryRead(out var count))
            {
                await write($"* {count} EXISTS");
            }
        }
        await write($"{tag} OK idle done");
    }

    /// <summary>The UIDs of a set such as <c>3:*</c>, <c>1,2</c> or <c>2:4</c> that exist; <c>n:*</c> is at least the last.</summary>
    private IEnumerable<int> Uids(string set)
    {
        var count = Count();
        var uids = new SortedSet<int>();
        foreach (var range in set.Split(','))
        {
            var ends = range.Split(':');
            var from = ends[0] == "*" ? count : int.Parse(ends[0]);
            var to = ends.Length == 1 ? from : ends[1] == "*" ? count : int.Parse(ends[1]);
            (from, to) = (Math.Min(from, to), Math.Max(from, to));
            for (var uid = from; uid <= to; uid++)
            {
                if (uid >= 1 && uid <= count)
                {
                    uids.Add(uid);
                }
            }
        }
        return uids;
    }

    private int Count()
    {
        lock (_mails)
        {
            return _mails.Count;
        }
    }

    private byte[] Mail(int uid)
    {
        lock (_mails)
        {
            return _mails[uid - 1];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
