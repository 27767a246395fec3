using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// A WhatsApp conversation through the gateway, against a fake Cloud API: templates configured per site and offered
/// to operators, an operator's template going out as one, and the platform's <c>statuses[]</c> becoming the message's
/// delivery events — once each, only forward, never a message.
/// </summary>
public sealed class WhatsAppConversationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string AppSecret = "meta-app-secret-e2e";
    private const string Number = "79005556677";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Supervisors_set_templates_with_validation_and_operators_read_them()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var anna = await Host.LoginAsync(site, "anna");

        var invalid = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/whatsapp", supervisor, Credentials(
            new { name = "Follow Up", language = "english", body = "Hi" },
            new { name = "hold_1", language = "ru", body = "Ждите", purpose = "sometimes" }));
        var onTelegram = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/telegram", supervisor,
            new { botToken = "1:a", webhookSecret = "s", templates = new[] { new { name = "x", language = "en", body = "x" } } });
        var valid = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/whatsapp", supervisor, Credentials(
            new { name = "follow_up", language = "en", body = "We have news about your request." },
            new { name = "still_working", language = "ru", body = "Мы всё ещё работаем над вашим вопросом.", purpose = "hold" }));
        var listed = await (await Send(HttpMethod.Get, $"/api/sites/{site}/channels", supervisor)).Content.ReadFromJsonAsync<JsonElement>();
        var offered = await Send(HttpMethod.Get, $"/api/sites/{site}/channels/whatsapp/templates", anna);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["templates[0].language", "templates[0].name", "templates[1].purpose"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, onTelegram.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
        var stored = listed.EnumerateArray().Single(c => c.Str("channel") == "whatsapp").GetProperty("templates");
        Assert.Equal(["follow_up", "still_working"], stored.EnumerateArray().Select(t => t.Str("name")));
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var forOperators = await offered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("still_working", "ru", "hold"), (forOperators[1].Str("name"), forOperators[1].Str("language"), forOperators[1].Str("purpose")));
    }

    [Fact]
    public async Task Statuses_become_the_messages_delivery_events_and_an_operators_template_goes_out_as_one()
    {
        var sent = 0;
        await using var whatsApp = await FakePlatform.StartAsync(_ =>
            $$"""{"messaging_product":"whatsapp","contacts":[{"input":"{{Number}}","wa_id":"{{Number}}"}],"messages":[{"id":"wamid.OUT-{{Interlocked.Increment(ref sent)}}"}]}""");
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var configured = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/whatsapp", await Host.LoginAsync(site, "sup"), Credentials(
            [new { name = "follow_up", language = "en", body = "We have news about your request." }], whatsApp.BaseAddress));
        Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        await PostSigned(site, Notification(new { messages = new[] { new { from = Number, id = "wamid.IN-1", timestamp = "1733300000", type = "text", text = new { body = "Где мой заказ?" } } } }));
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await whatsApp.NextRequestAsync(Waits.Signal);
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "It ships tomorrow." });
        var reply = JsonDocument.Parse((await whatsApp.NextRequestAsync(Waits.Signal)).Body).RootElement;
        await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1" && f.Str("status") == "sent");

        await PostSigned(site, Statuses(("wamid.OUT-2", "delivered"), ("wamid.OUT-2", "delivered"), ("wamid.NOT-OURS", "read")));
        var delivered = await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1" && f.Str("status") == "delivered");
        await PostSigned(site, Statuses(("wamid.OUT-2", "read"), ("wamid.OUT-2", "sent")));
        var read = await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1" && f.Str("status") == "read");
        await anna.SendAsync(new { type = "template", conversationId, id = "t1", template = "follow_up" });
        await anna.ExpectAsync("ack", f => f.Str("id") == "t1");
        var shown = await anna.ExpectAsync("message", f => f.Str("id") == "t1");
        var template = JsonDocument.Parse((await whatsApp.NextRequestAsync(Waits.Signal)).Body).RootElement;
        await anna.ExpectAsync("delivery", f => f.Str("messageId") == "t1" && f.Str("status") == "sent");

        Assert.Equal(("text", "Anna: It ships tomorrow.", Number), (reply.Str("type"), reply.GetProperty("text").Str("body"), reply.Str("to")));
        Assert.True(delivered.Seq() < read.Seq());
        Assert.Equal(("follow_up", "We have news about your request."), (shown.Str("template"), shown.Str("text")));
        Assert.Equal(("template", "follow_up", "en"),
            (template.Str("type"), template.GetProperty("template").Str("name"), template.GetProperty("template").GetProperty("language").Str("code")));
        var events = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .GetEvents(new Actor(ActorKind.Supervisor, site, "sup"), 0, 100);
        Assert.Equal(["sent", "delivered", "read"], events.Where(e => e.Type == EventTypes.Delivery && e.MessageId == "a1").Select(e => e.Status));
        Assert.Single(events, e => e.Type == EventTypes.Message && e.From == Senders.Visitor);
        await anna.DisposeAsync();
    }

    private static object Credentials(params object[] templates) => Credentials(templates, null);

    private static object Credentials(object[] templates, Uri? platform) => new
    {
        accessToken = "wa-token", appSecret = AppSecret, verifyToken = "verify-me", phoneNumberId = "555",
        apiBaseUrl = platform?.ToString().TrimEnd('/'), templates,
    };

    private static string Notification(object value) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = "1", changes = new[] { new { field = "messages", value } } } },
    });

    private static string Statuses(params (string Wamid, string Status)[] statuses) => Notification(new
    {
        messaging_product = "whatsapp",
        statuses = statuses.Select(s => new { id = s.Wamid, status = s.Status, timestamp = "1733300100", recipient_id = Number }).ToArray(),
    });

    private async Task PostSigned(string site, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/whatsapp/{site}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body))));
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
