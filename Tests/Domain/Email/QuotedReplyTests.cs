using Switchboard.Domain.Channels.Email;

namespace Switchboard.Tests.Domain.Email;

public sealed class QuotedReplyTests
{
    [Fact]
    public void The_quoted_thread_and_the_signature_under_a_reply_are_cut()
    {
        const string mail = "Size M, please.\r\n\r\nOn Fri, 4 Dec 2026 at 10:00, Shop <help@shop.example> wrote:\r\n> Which size?\r\n";
        const string signed = "Thanks!\n-- \nIvan Petrov\n+7 900 000";

        Assert.Equal("Size M, please.", QuotedReply.Strip(mail));
        Assert.Equal("Thanks!", QuotedReply.Strip(signed));
        Assert.Equal("Yes\nand no", QuotedReply.Strip("> old\nYes\n> older\nand no"));
        Assert.Equal("Here", QuotedReply.Strip("Here\n\n-----Original Message-----\nFrom: x"));
    }

    [Fact]
    public void A_mail_that_is_nothing_but_a_quote_is_kept_whole()
    {
        Assert.Equal("> forwarded words", QuotedReply.Strip("> forwarded words"));
    }
}
