using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Tests.Channels.Fakes;
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
    private const string Secret = "tg-secret_e2e";
    private const string Ok = """{"ok":true,"result":{"message_id":501,"chat":{"id":4242,"type":"private"},"date":1733300000,"text":"ok"}}""";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_telegram_user_and_an_operator_chat_both_ways_and_the_user_rates_the_chat_with_a_button()
    {
        await using var telegram = await FakePlatform.StartAsync(_ => Ok);
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var configured = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/telegram", supervisor,
            new { botToken = "777:xyz", webhookSecret = Secret, apiBaseUrl = telegram.BaseAddress.ToString().TrimEnd('/') });
        Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        await PostUpdate(site, new { update_id = 9001, message = Message(9001, "Do you deliver on Sundays?") });
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var conversationId = assigned.Str("conversationId");
        var joined = await NextSend(telegram, "the operator joining");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Yes, 10:00 to 18:00.", quickReplies = new[] { "Great", "No thanks" } });
        var reply = await NextSend(telegram, "the operator's reply");
        var delivered = await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1");
        await anna.SendAsync(new { type = "close", conversationId });
        var rating = await NextSend(telegram, "the rating request");
        // The operator no longer follows a closed chat: the test listens to the conversation itself for the rating.
        var listener = new RecordingObserver();
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .Subscribe(new Actor(ActorKind.Supervisor, site, "sup"), Host.Grains.CreateObjectReference<IPushObserver>(listener));
        await PostUpdate(site, new
        {
            update_id = 9002,
            callback_query = new { id = "cb-1", from = new { id = 4242, is_bot = false, first_name = "Ivan" }, data = "rate:5", message = Message(501, "rate") },
        });
        var rated = (await listener.WaitFor<(string Key, ConversationEvent Event)>(p => p.Event.Type == EventTypes.Rated, "the rating")).Event;

        Assert.Equal("telegram", assigned.GetProperty("visitor").Str("channel"));
        Assert.Equal("Ivan", assigned.GetProperty("visitor").Str("name"));
        Assert.Equal("4242", joined.GetProperty("chat_id").GetString());
        Assert.EndsWith("has joined the chat.", joined.GetProperty("text").GetString());
        Assert.Equal("Anna: Yes, 10:00 to 18:00.", reply.GetProperty("text").GetString());
        Assert.Equal("No thanks", reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[1][0].GetProperty("callback_data").GetString());
        Assert.Equal("sent", delivered.Str("status"));
        Assert.Equal("rate:5", rating.GetProperty("reply_markup").GetProperty("inline_keyboard")[4][0].GetProperty("callback_data").GetString());
        Assert.Equal(5, rated.Score);
        await anna.DisposeAsync();
    }

    private static object Message(long id, string text) => new
    {
        message_id = id, date = 1733300000, chat = new { id = 4242, type = "private" },
        from = new { id = 4242, is_bot = false, first_name = "Ivan" }, text,
    };

    private static async Task<JsonElement> NextSend(FakePlatform telegram, string what)
    {
        var request = await telegram.NextRequestAsync(Waits.Signal);
        Assert.True(request.PathAndQuery == "/bot777:xyz/sendMessage", $"Expected {what} as a sendMessage; got {request.PathAndQuery}");
        return JsonDocument.Parse(request.Body).RootElement;
    }

    private async Task PostUpdate(string site, object update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/telegram/{site}") { Content = JsonContent.Create(update) };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
