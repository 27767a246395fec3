using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>One person on the site and in Telegram: linked by the retailer, routed sticky, listed together in the console.</summary>
public sealed class CustomerAcrossChannelsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string TelegramUser = "880011";
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_linked_telegram_user_is_the_site_customer_routed_to_their_last_operator_with_every_conversation_listed()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var anna = await Host.LoginAsync(site, "anna");
        var linkPath = $"/api/sites/{site}/customers/c-42/identities/telegram/{TelegramUser}";

        var byOperator = await Send(HttpMethod.Put, linkPath, anna);
        var badChannel = await Send(HttpMethod.Put, $"/api/sites/{site}/customers/c-42/identities/fax/1", supervisor);
        var badId = await Send(HttpMethod.Put, $"/api/sites/{site}/customers/c-42/identities/telegram/a%2Fb", supervisor);
        var linked = await Send(HttpMethod.Put, linkPath, supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);

        // The customer chats on the site, signed in, and boris answers.
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var web = Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, "web-visitor-1"));
        await web.Hello(new VisitorHello(new VerifiedIdentity("c-42", "Ivan", null, null), "en", null), null);
        var webChat = await web.StartChat(new StartChatRequest("w1", null, "Where is my order?", null), null);
        await boris.ExpectAsync("assigned", f => f.Str("conversationId") == webChat.ConversationId);
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, webChat.ConversationId))
            .Close(new Actor(ActorKind.Operator, site, "boris", "Boris"));

        // Later they write from Telegram while both operators are free: it goes to boris, as their last operator.
        var (annaSocket, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var telegramVisitor = ContactIds.VisitorId(ChannelNames.Telegram, TelegramUser);
        var telegramChat = await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, telegramVisitor)).StartChat(
            new StartChatRequest("tg:9", null, "It's me again, from Telegram", null) { Channel = ChannelNames.Telegram, ContactId = TelegramUser }, null);
        var assigned = await boris.ExpectAsync("assigned", f => f.Str("conversationId") == telegramChat.ConversationId);

        var history = await (await Send(HttpMethod.Get, $"/api/sites/{site}/visitors/{telegramVisitor}/conversations", anna))
            .Content.ReadFromJsonAsync<JsonElement>();
        var profile = await (await Send(HttpMethod.Get, $"/api/sites/{site}/customers/c-42", anna)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("sticky", assigned.GetProperty("transcript").EnumerateArray().First(e => e.Str("type") == "assigned").Str("reason"));
        Assert.Equal([telegramChat.ConversationId, webChat.ConversationId], history.EnumerateArray().Select(c => c.Str("id")));
        Assert.Equal(["telegram", "web"], history.EnumerateArray().Select(c => c.Str("channel")));
        Assert.Equal("telegram", profile.GetProperty("identities")[0].Str("channel"));
        Assert.Equal(2, profile.GetProperty("conversations").GetArrayLength());
        await boris.DisposeAsync();
        await annaSocket.DisposeAsync();
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
