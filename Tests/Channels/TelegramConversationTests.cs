using System.Net;
using System.Net.Http.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// A whole conversation with a Telegram user, end to end: their update through the webhook to the operator's console,
/// the operator's reply through the conversation's outbox and the real Telegram client to the (fake) Bot API, its
/// delivery shown to the operator, the close with its rating buttons, and the user's tap rating the chat.
/// </summary>
public sealed class TelegramConversationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly TelegramUser Ivan = new(4242, "Ivan");

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_telegram_user_and_an_operator_chat_both_ways_and_the_user_rates_the_chat_with_a_button()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await using var telegram = await FakeTelegram.StartAsync(Host.Http, site, "777:xyz", "tg-secret_e2e");
        var supervisor = await Host.LoginAsync(site, "sup");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Put, $"/api/sites/{site}/channels/telegram", supervisor, telegram.ChannelSettings)).StatusCode);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        Assert.Equal(HttpStatusCode.OK, await telegram.SendTextAsync(Ivan, "Do you deliver on Sundays?"));
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var conversationId = assigned.Str("conversationId");
        var joined = await telegram.NextMessageAsync(Waits.Signal);
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Yes, 10:00 to 18:00.", quickReplies = new[] { "Great", "No thanks" } });
        var reply = await telegram.NextMessageAsync(Waits.Signal);
        var delivered = await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1");
        await anna.SendAsync(new { type = "close", conversationId });
        var rating = await telegram.NextMessageAsync(Waits.Signal);
        // The operator no longer follows a closed chat: the test listens to the conversation itself for the rating.
        var listener = new RecordingObserver();
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .Subscribe(new Actor(ActorKind.Supervisor, site, "sup"), Host.Grains.CreateObjectReference<IPushObserver>(listener));
        Assert.Equal(HttpStatusCode.OK, await telegram.TapAsync(Ivan, rating.Buttons[4].Data));
        var rated = (await listener.WaitFor<(string Key, ConversationEvent Event)>(p => p.Event.Type == EventTypes.Rated, "the rating")).Event;

        Assert.Equal("telegram", assigned.GetProperty("visitor").Str("channel"));
        Assert.Equal("Ivan", assigned.GetProperty("visitor").Str("name"));
        Assert.Equal("4242", joined.ChatId);
        Assert.EndsWith("has joined the chat.", joined.Text);
        Assert.Equal("Anna: Yes, 10:00 to 18:00.", reply.Text);
        Assert.Equal([new BotButton("Great", "Great"), new BotButton("No thanks", "No thanks")], reply.Buttons);
        Assert.Equal("sent", delivered.Str("status"));
        Assert.Equal("rate:5", rating.Buttons[4].Data);
        Assert.Equal(5, rated.Score);
        await anna.DisposeAsync();
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
