using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// The console shows what a messenger takes while the operator types: Telegram's 4,096 characters, and WhatsApp's
/// 24-hour window with the site's approved templates once it has closed.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MessengerLimitsInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string TelegramSecret = "tg-secret_limits";
    private const string AppSecret = "meta-secret-limits";

    [Fact]
    public async Task A_telegram_reply_shows_its_length_and_is_not_sent_over_telegrams_limit()
    {
        await using var telegram = await FakePlatform.StartAsync(_ => """{"ok":true,"result":{"message_id":1,"chat":{"id":4101,"type":"private"},"date":0}}""");
        await Configure("telegram", new { botToken = "1:b", webhookSecret = TelegramSecret, apiBaseUrl = Base(telegram) });
        var problems = new List<string>();
        var anna = await fixture.SignInAsync(problems, "anna");
        await anna.SelectOptionAsync("#status", "online");
        await Post("/hooks/telegram/demo", JsonSerializer.Serialize(new
        {
            update_id = 4101,
            message = new { message_id = 1, date = 0, chat = new { id = 4101, type = "private" }, from = new { id = 4101, is_bot = false, first_name = "Pavel" }, text = "A long question" },
        }), ("X-Telegram-Bot-Api-Secret-Token", TelegramSecret));
        await anna.Locator("#chats li[data-conversation-id]").Filter(new() { Has = anna.Locator(".channel-telegram") }).ClickAsync();

        await anna.FillAsync("#reply", "Yes, we have it.");
        await Assertions.Expect(anna.Locator("#reply-limit")).ToContainTextAsync("/ 4096");
        await Assertions.Expect(anna.Locator("#send")).ToBeEnabledAsync();
        // The reply box's own maxlength (the gateway's default 4,000) keeps typing under Telegram's limit; text put in by
        // script stands for a gateway configured with a longer Gateway:MaxTextLength.
        await anna.EvalOnSelectorAsync("#reply", "box => { box.value = 'x'.repeat(4100); box.dispatchEvent(new Event('input')); }");
        await Assertions.Expect(anna.Locator("#reply-limit")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("over"));
        await Assertions.Expect(anna.Locator("#send")).ToBeDisabledAsync();
        await anna.PressAsync("#reply", "Enter");

        await Assertions.Expect(anna.Locator("#messages .msg.pending")).ToHaveCountAsync(0);
        Assert.Equal(4100, (await anna.InputValueAsync("#reply")).Length);
        BrowserProblems.None(problems);
    }

    [Fact]
    public async Task A_whatsapp_chat_shows_its_window_and_once_it_has_closed_offers_the_sites_templates()
    {
        await using var whatsApp = await FakePlatform.StartAsync(_ => """{"messaging_product":"whatsapp","messages":[{"id":"wamid.OUT"}]}""");
        await Configure("whatsapp", new
        {
            accessToken = "wa-token", appSecret = AppSecret, verifyToken = "v", phoneNumberId = "555", apiBaseUrl = Base(whatsApp),
            templates = new[] { new { name = "order_news", language = "en", body = "We have news about your order. Reply to continue." } },
        });
        var problems = new List<string>();
        var anna = await fixture.SignInAsync(problems, "anna");
        await anna.SelectOptionAsync("#status", "online");
        var body = JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "1", changes = new[] { new { field = "messages", value = new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { wa_id = "79005550101", profile = new { name = "Olga" } } },
                messages = new[] { new { from = "79005550101", id = "wamid.IN-1", timestamp = "1733300000", type = "text", text = new { body = "Where is my order?" } } },
            } } } } },
        });
        await Post("/hooks/whatsapp/demo", body,
            ("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body)))));
        await anna.Locator("#chats li[data-conversation-id]").Filter(new() { Has = anna.Locator(".channel-whatsapp") }).ClickAsync();
        await Assertions.Expect(anna.Locator("#chat-window")).ToContainTextAsync("window open until");
        await Assertions.Expect(anna.Locator("#template-box")).ToBeHiddenAsync();
        await whatsApp.NextRequestAsync(Waits.Signal); // the operator joining

        // The page's clock a day and an hour on: the customer's window has closed. The server's clock is real, so only
        // what the console shows is tested here (the server's own refusal: WhatsAppWindowTests).
        await anna.Clock.SetSystemTimeAsync(DateTime.UtcNow.AddHours(25));
        await anna.FillAsync("#reply", "Are you still there?");
        await Assertions.Expect(anna.Locator("#chat-window")).ToContainTextAsync("template required");
        await Assertions.Expect(anna.Locator("#send")).ToBeDisabledAsync();
        await Assertions.Expect(anna.Locator("#template-body")).ToContainTextAsync("We have news about your order.");
        await Assertions.Expect(anna.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await anna.ClickAsync("#template-send");
        var sent = JsonDocument.Parse((await whatsApp.NextRequestAsync(Waits.Signal)).Body).RootElement;

        Assert.Equal(("template", "order_news"), (sent.GetProperty("type").GetString(), sent.GetProperty("template").GetProperty("name").GetString()));
        await Assertions.Expect(anna.Locator("#messages")).ToContainTextAsync("We have news about your order.");
        await anna.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "switchboard-console-whatsapp-window.png") });
        BrowserProblems.None(problems);
    }

    private static string Base(FakePlatform platform) => platform.BaseAddress.ToString().TrimEnd('/');

    private async Task Configure(string channel, object body)
    {
        var supervisor = await fixture.Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/demo/channels/{channel}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", supervisor);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Host.Http.SendAsync(request)).StatusCode);
    }

    private async Task Post(string path, string body, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(header.Name, header.Value);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.Http.SendAsync(request)).StatusCode);
    }
}
