using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Channels;

namespace Switchboard.Tests.Domain;

public sealed class OutboundPartsTests
{
    private static readonly Attachment Chart = new("c1", "chart.pdf", "application/pdf", 10) { Url = "/api/sites/s/attachments/c1" };
    private static readonly Attachment Photo = new("p1", "model.jpg", "image/jpeg", 20) { Url = "/api/sites/s/attachments/p1" };

    [Fact]
    public void Text_goes_first_then_each_file_and_the_last_part_keeps_the_messages_id()
    {
        var message = new OutboundMessage("m1", "Here you go") { Attachments = [Chart, Photo], Author = "Anna", Buttons = [new ReplyButton("Thanks", "thanks")] };

        var parts = OutboundParts.Split(message);

        Assert.Equal(["m1:text", "m1:file0", "m1"], parts.Select(p => p.MessageId));
        Assert.Equal(("Here you go", null), (parts[0].Text, parts[0].Attachments));
        Assert.NotNull(parts[0].Buttons);
        Assert.Equal([[Chart], [Photo]], parts.Skip(1).Select(p => p.Attachments!.ToArray()));
        Assert.All(parts.Skip(1), p => Assert.Null(p.Text));
        Assert.All(parts, p => Assert.Equal("Anna", p.Author));
    }

    [Fact]
    public void A_message_without_files_or_a_template_goes_whole()
    {
        var text = new OutboundMessage("m2", "hi");
        var template = new OutboundMessage("m3", "We have news") { Template = "follow_up", Attachments = [Chart] };

        Assert.Same(text, Assert.Single(OutboundParts.Split(text)));
        Assert.Same(template, Assert.Single(OutboundParts.Split(template)));
    }

    [Fact]
    public void A_file_without_text_is_one_part_under_the_messages_id()
    {
        var parts = OutboundParts.Split(new OutboundMessage("m4", null) { Attachments = [Photo] });

        Assert.Equal("m4", Assert.Single(parts).MessageId);
    }
}
