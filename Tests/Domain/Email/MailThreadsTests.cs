using Switchboard.Domain.Channels.Email;

namespace Switchboard.Tests.Domain.Email;

public sealed class MailThreadsTests
{
    [Fact]
    public void A_new_mail_starts_a_thread_of_its_own_and_a_reply_keeping_the_root_in_references_continues_it()
    {
        var root = MailThreads.KeyOf("first@customer.example", null, []);
        var reply = MailThreads.KeyOf("second@customer.example", "ours@shop.example", ["first@customer.example", "ours@shop.example"]);

        Assert.Equal(root, reply);
        Assert.NotEqual(root, MailThreads.KeyOf("other@customer.example", null, []));
    }

    [Fact]
    public void A_reply_that_kept_only_in_reply_to_our_message_finds_the_thread_through_our_message_id()
    {
        var key = MailThreads.KeyOf("first@customer.example", null, []);
        var ours = MailThreads.OurMessageId(key, "shop", "a1", "shop.example");

        Assert.Equal(key, MailThreads.KeyOf("second@customer.example", ours, []));
        Assert.Equal(key, MailThreads.KeyOf("third@customer.example", null, ["lost-root@elsewhere.example", ours]));
    }

    [Fact]
    public void Our_message_id_is_the_same_for_a_retried_send_and_differs_between_messages()
    {
        var key = MailThreads.KeyOf("first@customer.example", null, []);

        Assert.Equal(MailThreads.OurMessageId(key, "shop", "a1", "shop.example"), MailThreads.OurMessageId(key, "shop", "a1", "shop.example"));
        Assert.NotEqual(MailThreads.OurMessageId(key, "shop", "a1", "shop.example"), MailThreads.OurMessageId(key, "shop", "a2", "shop.example"));
        Assert.EndsWith("@shop.example", MailThreads.OurMessageId(key, "shop", "a1", "shop.example"));
    }

    [Fact]
    public void Angle_brackets_and_spaces_around_an_id_do_not_change_its_thread()
    {
        Assert.Equal(MailThreads.KeyOf("x@y", null, []), MailThreads.KeyOf(" <x@y> ", null, []));
        Assert.Equal(MailThreads.ClientId("x@y"), MailThreads.ClientId("<x@y>"));
    }
}
