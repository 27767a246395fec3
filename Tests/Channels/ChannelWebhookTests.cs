using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

public sealed class ChannelWebhookTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string TelegramSecret = "tg-secret_123";
    private const string AppSecret = "meta-app-secret";
    private const string VkSecret = "vk-secret";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_telegram_update_becomes_a_chat_the_operator_sees_once_even_when_redelivered()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await Configure(site, "telegram", new { botToken = "123:abc", webhookSecret = TelegramSecret });
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var first = TelegramText(1001, 42, "Is the blue coat in stock?");
        Assert.Equal(HttpStatusCode.OK, (await PostTelegram(site, first, TelegramSecret)).StatusCode);
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        Assert.Contains(assigned.GetProperty("transcript").EnumerateArray(), e => e.TryGetProperty("text", out var t) && t.GetString() == "Is the blue coat in stock?");
        var conversationId = assigned.Str("conversationId");

        Assert.Equal(HttpStatusCode.OK, (await PostTelegram(site, first, TelegramSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostTelegram(site, TelegramText(1002, 42, "Size M"), TelegramSecret)).StatusCode);
        // The queue is drained in order, so once "Size M" is seen the redelivery before it was handled too.
        var next = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("text") == "Size M");
        Assert.Equal(conversationId, next.Str("conversationId"));
        var texts = await VisitorTexts(site, "telegram-42");
        Assert.Equal(["Is the blue coat in stock?", "Size M"], texts);
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Refused_telegram_updates_change_nothing()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await Configure(site, "telegram", new { botToken = "123:abc", webhookSecret = TelegramSecret });
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostTelegram(site, TelegramText(1, 7, "forged"), "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostTelegram(site, TelegramText(2, 7, "no header"), null)).StatusCode);
        var huge = TelegramText(3, 7, new string('x', 2 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostTelegram(site, huge, TelegramSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostTelegram("no-such-site", TelegramText(4, 7, "lost"), TelegramSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostTelegram(site, "{\"update_id\": \"not a number\"", TelegramSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostTelegram(site, "{\"update_id\": 5, \"edited_channel_post\": {}}", TelegramSecret)).StatusCode);

        // A good update after them: when it is stored, everything before it was handled, and only it was stored.
        await PostTelegram(site, TelegramText(6, 7, "the real one"), TelegramSecret);
        await OperatorSees(anna, "the real one");
        Assert.Equal(["the real one"], await VisitorTexts(site, "telegram-7"));
        await anna.DisposeAsync();

        var supervisor = await Host.LoginAsync(site, "sup");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/sites/{site}/channels/telegram", supervisor)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostTelegram(site, TelegramText(7, 7, "after switch-off"), TelegramSecret)).StatusCode);
    }

    [Fact]
    public async Task Supervisors_configure_channels_with_validation_and_see_secrets_masked()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var asOperator = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/telegram", await Host.LoginAsync(site, "anna"),
            new { botToken = "123:abc", webhookSecret = TelegramSecret });
        var missing = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/whatsapp", supervisor, new { accessToken = "t" });
        var unknown = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/fax", supervisor, new { botToken = "x" });
        var stored = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/telegram", supervisor,
            new { botToken = "123456:very-long-bot-token-value", webhookSecret = TelegramSecret, apiBaseUrl = "http://127.0.0.1:1" });

        Assert.Equal(HttpStatusCode.Forbidden, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phoneNumberId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        var listed = await (await Send(HttpMethod.Get, $"/api/sites/{site}/channels", supervisor)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("very-long-bot-token", listed);
        Assert.Contains("…alue", listed);
        Assert.Contains("http://127.0.0.1:1", listed);
    }

    [Fact]
    public async Task WhatsApp_verifies_the_handshake_and_the_signature()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await Configure(site, "whatsapp", new { accessToken = "wa-token", appSecret = AppSecret, verifyToken = "verify-me", phoneNumberId = "555" });
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var handshake = await Host.Http.GetAsync($"/hooks/whatsapp/{site}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        Assert.Equal("1158201444", await handshake.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Host.Http.GetAsync($"/hooks/whatsapp/{site}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")).StatusCode);

        var forged = WhatsAppText("wamid.A", "79005556677", "forged");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWhatsApp(site, forged, "sha256=" + new string('0', 64))).StatusCode);
        var real = WhatsAppText("wamid.B", "79005556677", "Где мой заказ?");
        Assert.Equal(HttpStatusCode.OK, (await PostWhatsApp(site, real, Sign(real))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWhatsApp(site, real, Sign(real))).StatusCode);
        var after = WhatsAppText("wamid.C", "79005556677", "Спасибо");
        await PostWhatsApp(site, after, Sign(after));
        await OperatorSees(anna, "Спасибо");
        Assert.Equal(["Где мой заказ?", "Спасибо"], await VisitorTexts(site, "whatsapp-79005556677"));
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Vk_confirms_the_server_and_takes_message_new_once()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await Configure(site, "vk", new { accessToken = "vk-token", secret = VkSecret, confirmation = "a1b2c3", groupId = "77" });
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var confirm = await PostVk(site, new { type = "confirmation", group_id = 77, secret = VkSecret });
        Assert.Equal("a1b2c3", await confirm.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostVk(site, VkMessage("e1", 9001, "forged", "wrong"))).StatusCode);
        var first = await PostVk(site, VkMessage("e2", 9001, "Привет", VkSecret));
        Assert.Equal("ok", await first.Content.ReadAsStringAsync());
        await PostVk(site, VkMessage("e2", 9001, "Привет", VkSecret));
        await PostVk(site, VkMessage("e3", 9001, "Есть доставка?", VkSecret));
        await OperatorSees(anna, "Есть доставка?");
        Assert.Equal(["Привет", "Есть доставка?"], await VisitorTexts(site, "vk-9001"));
        await anna.DisposeAsync();
    }

    private static string TelegramText(long updateId, long userId, string text) => JsonSerializer.Serialize(new
    {
        update_id = updateId,
        message = new { message_id = updateId, date = 1733300000, chat = new { id = userId, type = "private" }, from = new { id = userId, is_bot = false, first_name = "Ivan" }, text },
    });

    private static string WhatsAppText(string wamid, string from, string text) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = "1", changes = new[] { new { field = "messages", value = new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { wa_id = from, profile = new { name = "Olga" } } },
            messages = new[] { new { from, id = wamid, timestamp = "1733300000", type = "text", text = new { body = text } } },
        } } } } },
    });

    private static object VkMessage(string eventId, long from, string text, string secret) => new
    {
        type = "message_new", event_id = eventId, v = "5.199", group_id = 77, secret,
        @object = new { message = new { id = 1, date = 1733300000, from_id = from, peer_id = from, text } },
    };

    private static string Sign(string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body)));

    private Task<HttpResponseMessage> PostTelegram(string site, string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/telegram/{site}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return Host.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostWhatsApp(string site, string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/whatsapp/{site}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", signature);
        return Host.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostVk(string site, object body) => Host.Http.PostAsJsonAsync($"/hooks/vk/{site}", body);

    private async Task Configure(string site, string channel, object body)
    {
        var response = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/{channel}", await Host.LoginAsync(site, "sup"), body);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }

    /// <summary>
    /// Waits until the operator sees <paramref name="text"/>, in the assigned chat's transcript or as a later message.
    /// The inbound queue is drained in order, so every update posted before it has been handled by then.
    /// </summary>
    private static Task<JsonElement> OperatorSees(TestSocket anna, string text) => anna.ExpectAsync(
        f => f.Str("type") switch
        {
            "message" => f.TryGetProperty("text", out var t) && t.GetString() == text,
            "assigned" => f.TryGetProperty("transcript", out var transcript)
                && transcript.EnumerateArray().Any(e => e.TryGetProperty("text", out var t) && t.GetString() == text),
            _ => false,
        },
        $"the operator to see '{text}'", Waits.Signal);

    private async Task<string[]> VisitorTexts(string site, string visitorId)
    {
        var conversations = await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).GetConversations();
        if (conversations.Count == 0)
        {
            return [];
        }
        var actor = new Actor(ActorKind.Visitor, site, visitorId);
        var events = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversations[0])).GetEvents(actor, 0, 500);
        return [.. events.Where(e => e.Type == EventTypes.Message && e.From == Senders.Visitor).Select(e => e.Text!)];
    }
}
