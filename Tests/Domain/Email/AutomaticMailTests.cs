using Switchboard.Domain.Channels.Email;

namespace Switchboard.Tests.Domain.Email;

public sealed class AutomaticMailTests
{
    private const string Own = "help@shop.example";

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "vacation")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "auto_reply")]
    [InlineData("Precedence", "list")]
    public void Out_of_office_and_bulk_mail_is_automatic(string name, string value)
    {
        Assert.Equal(MailKind.AutoReply, Classify(new() { [name] = value }, "ivan@customer.example", "text/plain"));
    }

    [Fact]
    public void A_person_who_says_auto_submitted_no_is_a_person()
    {
        Assert.Equal(MailKind.Person, Classify(new() { ["Auto-Submitted"] = "no" }, "ivan@customer.example", "text/plain"));
        Assert.Equal(MailKind.Person, Classify([], "ivan@customer.example", "multipart/mixed"));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.customer.example", "text/plain")]
    [InlineData("postmaster@customer.example", "text/plain")]
    [InlineData("ivan@customer.example", "multipart/report")]
    public void Delivery_failures_are_bounces(string from, string contentType)
    {
        Assert.Equal(MailKind.Bounce, Classify([], from, contentType));
    }

    [Fact]
    public void Our_own_mail_come_back_or_a_mail_from_our_address_is_a_loop()
    {
        Assert.Equal(MailKind.Loop, Classify(new() { [AutomaticMail.LoopHeader] = "shop", ["Auto-Submitted"] = "auto-replied" }, "ivan@customer.example", "text/plain"));
        Assert.Equal(MailKind.Loop, Classify([], "HELP@shop.example", "text/plain"));
    }

    private static MailKind Classify(Dictionary<string, string> headers, string from, string contentType) =>
        AutomaticMail.Classify(name => headers.GetValueOrDefault(name), from, contentType, Own);
}
