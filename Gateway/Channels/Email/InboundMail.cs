using MimeKit;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// A mail as it arrived: parsed whole, or only its headers when it was larger than <see cref="MailIntake.MaxMailBytes"/>
/// (<see cref="Size"/> then says how large it was, so the operator can be told).
/// </summary>
public sealed record InboundMail(MimeMessage Message, long Size, bool HeadersOnly)
{
    /// <summary>Reads a mail, or only its headers past <paramref name="maxBytes"/>; null when not even those parse.</summary>
    public static async Task<InboundMail?> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var spool = new MemoryStream();
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            // Past the limit only the headers are wanted: the first 1 MB holds them in any real mail.
            if (spool.Length < maxBytes)
            {
                spool.Write(buffer, 0, read);
            }
        }
        spool.Position = 0;
        return Parse(spool, size, size > maxBytes);
    }

    /// <summary>A mail whose headers were fetched without its body (IMAP, over the limit).</summary>
    public static InboundMail? Parse(Stream content, long size, bool headersOnly)
    {
        try
        {
            var parser = new MimeParser(content, MimeFormat.Entity);
            if (!headersOnly)
            {
                return new InboundMail(parser.ParseMessage(), size, false);
            }
            var message = new MimeMessage();
            message.Headers.Clear();
            foreach (var header in parser.ParseHeaders())
            {
                message.Headers.Add(header);
            }
            message.Body = new TextPart("plain") { Text = "" };
            return new InboundMail(message, size, true);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
