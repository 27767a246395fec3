using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Channels;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>An operator's message to a Telegram user must fit Telegram's 4,096 characters as it goes out, name included.</summary>
[Collection(ClusterFixture.Name)]
public sealed class TelegramLimitTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_message_over_telegrams_limit_with_the_operators_name_is_refused_unstored_and_one_that_fits_goes_out()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Configure(new QueueConfig("general", "General") { NoAnswerSeconds = 3600 });
        await chat.Online("anna");
        var start = await fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, ContactIds.VisitorId(ChannelNames.Telegram, "4096"))).StartChat(
            new StartChatRequest("tg:1", null, "Tell me everything", null) { Channel = ChannelNames.Telegram, ContactId = "4096" }, chat.Reference);
        await chat.Assigned(start.ConversationId);
        var anna = ChatDriver.Operator(site, "anna");
        var fits = new string('x', TelegramLimit.MaxCharacters - "anna: ".Length);

        var refused = await Assert.ThrowsAsync<SwitchboardException>(() => chat.Conversation(start.ConversationId).Post(anna, "long", fits + "x"));
        await chat.Conversation(start.ConversationId).Post(anna, "fits", fits);
        var (_, sent) = await fixture.Telegram.Next(site, m => m.MessageId == "fits", "the message that fits");

        Assert.Equal(ErrorCodes.BadRequest, refused.Code);
        Assert.Equal(fits, sent.Text);
        Assert.DoesNotContain(await chat.Conversation(start.ConversationId).GetEvents(anna, 0, 100), e => e.ClientId == "long");
    }
}
