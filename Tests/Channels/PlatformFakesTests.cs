using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// The platform fakes speak to the real gateway as the platforms do: signed pushes are taken, a redelivered update is
/// stored once, forged ones are refused, and the platforms' scripted refusals reach the operator as delivery failures.
/// </summary>
public sealed class PlatformFakesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Telegram_pushes_are_taken_once_however_often_they_are_redelivered_and_forged_ones_are_refused()
    {
        var (site, anna) = await SiteWithAnnaAsync();
        await using var telegram = await FakeTelegram.StartAsync(Host.Http, site, "11:aa", "tg_fakes");
        await ConfigureAsync(site, "telegram", telegram.ChannelSettings);
        var pavel = new TelegramUser(31337, "Pavel");

        Assert.Equal(HttpStatusCode.OK, await telegram.SendTextAsync(pavel, "Is the kettle on sale?"));
        Assert.Equal(HttpStatusCode.OK, await telegram.RedeliverLastAsync());
        Assert.Equal(HttpStatusCode.OK, await telegram.RedeliverLastAsync());
        var forged = JsonSerializer.Serialize(new { update_id = 1, message = new { message_id = 1, date = 0, chat = new { id = 31337, type = "private" }, from = new { id = 31337, is_bot = false, first_name = "Pavel" }, text = "forged" } });
        Assert.Equal(HttpStatusCode.Forbidden, await telegram.PushForgedAsync(forged, "not-the-secret"));
        Assert.Equal(HttpStatusCode.Forbidden, await telegram.PushForgedAsync(forged, null));
        Assert.Equal(HttpStatusCode.OK, await telegram.SendTextAsync(pavel, "And the toaster?"));
        await OperatorSeesAsync(anna, "And the toaster?");

        Assert.Equal(["Is the kettle on sale?", "And the toaster?"], await VisitorTextsAsync(site, "telegram-31337"));
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task WhatsApp_pushes_signed_with_the_app_secret_are_taken_once_and_badly_signed_ones_are_refused()
    {
        var (site, anna) = await SiteWithAnnaAsync();
        await using var whatsApp = await FakeWhatsApp.StartAsync(Host.Http, site, "fake-app-secret");
        await ConfigureAsync(site, "whatsapp", whatsApp.ChannelSettings);

        Assert.Equal(HttpStatusCode.OK, await whatsApp.SendTextAsync("79005550001", "Olga", "Где мой заказ?"));
        Assert.Equal(HttpStatusCode.OK, await whatsApp.RedeliverLastAsync());
        var other = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}";
        Assert.Equal(HttpStatusCode.Forbidden, await whatsApp.PushForgedAsync(other, FakeWhatsApp.Sign("another-secret", other)));
        Assert.Equal(HttpStatusCode.Forbidden, await whatsApp.PushForgedAsync(other, null));
        Assert.Equal(HttpStatusCode.OK, await whatsApp.SendTextAsync("79005550001", "Olga", "Спасибо"));
        await OperatorSeesAsync(anna, "Спасибо");

        Assert.Equal(["Где мой заказ?", "Спасибо"], await VisitorTextsAsync(site, "whatsapp-79005550001"));
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_vk_chat_shows_keyboards_reports_901_to_the_operator_and_is_rated_with_a_button()
    {
        var (site, anna) = await SiteWithAnnaAsync();
        await using var vk = await FakeVk.StartAsync(Host.Http, site, 77, "vk-fake-secret");
        await ConfigureAsync(site, "vk", vk.ChannelSettings);

        Assert.Equal(HttpStatusCode.OK, await vk.SendTextAsync(9001, "Привет"));
        Assert.Equal(HttpStatusCode.OK, await vk.RedeliverLastAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await vk.PushAsync(vk.MessageNew(9001, "forged", secret: "wrong")));
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var conversationId = assigned.Str("conversationId");
        await NextVkMessageAsync(vk, "the operator joining");
        await anna.SendAsync(new { type = "message", conversationId, id = "v1", text = "Чем помочь?", quickReplies = new[] { "Доставка", "Оплата" } });
        var reply = await NextVkMessageAsync(vk, "the operator's reply");
        await anna.ExpectAsync("delivery", f => f.Str("messageId") == "v1" && f.Str("status") == "sent");
        vk.AnswerNextNotAllowed();
        await anna.SendAsync(new { type = "message", conversationId, id = "v2", text = "Вы здесь?" });
        var refused = await anna.ExpectAsync("delivery", f => f.Str("messageId") == "v2");
        await anna.SendAsync(new { type = "close", conversationId });
        var rating = await NextVkMessageAsync(vk, "the rating request", m => m.Buttons.Count == 5);
        var listener = new RecordingObserver();
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .Subscribe(new Actor(ActorKind.Supervisor, site, "sup"), Host.Grains.CreateObjectReference<IPushObserver>(listener));
        Assert.Equal(HttpStatusCode.OK, await vk.TapAsync(9001, rating.Buttons[3]));
        var rated = (await listener.WaitFor<(string Key, ConversationEvent Event)>(p => p.Event.Type == EventTypes.Rated, "the rating")).Event;

        Assert.Equal(["Привет"], await VisitorTextsAsync(site, "vk-9001"));
        Assert.Equal("9001", reply.ChatId);
        Assert.Equal(["Доставка", "Оплата"], reply.Buttons.Select(b => b.Label));
        Assert.Equal("failed", refused.Str("status"));
        Assert.Contains("901", refused.Str("error"));
        Assert.Equal(4, rated.Score);
        await anna.DisposeAsync();
    }

    private async Task<(string Site, TestSocket Anna)> SiteWithAnnaAsync()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        return (site, anna);
    }

    private async Task ConfigureAsync(string site, string channel, object settings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/{channel}") { Content = JsonContent.Create(settings) };
        request.Headers.Authorization = new("Bearer", await Host.LoginAsync(site, "sup"));
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<BotMessage> NextVkMessageAsync(FakeVk vk, string what, Func<BotMessage, bool>? match = null)
    {
        while (true)
        {
            var request = await vk.Api.NextRequestAsync(Waits.Signal);
            Assert.True(FakeVk.ReadMessage(request) is not null, $"Expected {what} as messages.send; got {request.PathAndQuery}");
            if (FakeVk.ReadMessage(request) is { } message && (match is null || match(message)))
            {
                return message;
            }
        }
    }

    /// <summary>The webhooks' queue is drained in order: once this is seen, every update pushed before it was handled.</summary>
    private static Task<JsonElement> OperatorSeesAsync(TestSocket anna, string text) => anna.ExpectAsync(
        f => f.Str("type") switch
        {
            "message" => f.TryGetProperty("text", out var t) && t.GetString() == text,
            "assigned" => f.TryGetProperty("transcript", out var transcript)
                && transcript.EnumerateArray().Any(e => e.TryGetProperty("text", out var t) && t.GetString() == text),
            _ => false,
        },
        $"the operator to see '{text}'", Waits.Signal);

    private async Task<string[]> VisitorTextsAsync(string site, string visitorId)
    {
        var conversations = await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).GetConversations();
        var actor = new Actor(ActorKind.Visitor, site, visitorId);
        var events = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversations[0])).GetEvents(actor, 0, 500);
        return [.. events.Where(e => e.Type == EventTypes.Message && e.From == Senders.Visitor).Select(e => e.Text!)];
    }
}
