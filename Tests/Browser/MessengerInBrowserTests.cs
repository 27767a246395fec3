using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>The console shows where each chat takes place: a Telegram user's chat carries Telegram's badge in the list and header.</summary>
[Trait("Category", "Browser")]
public sealed class MessengerInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Secret = "tg-secret_browser";

    [Fact]
    public async Task A_telegram_chat_is_marked_as_telegram_in_the_operators_list_and_header()
    {
        await using var telegram = await FakePlatform.StartAsync(_ => """{"ok":true,"result":{"message_id":1,"chat":{"id":31337,"type":"private"},"date":0}}""");
        var supervisor = await fixture.Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword);
        using (var configure = new HttpRequestMessage(HttpMethod.Put, "/api/sites/demo/channels/telegram")
        {
            Content = JsonContent.Create(new { botToken = "1:b", webhookSecret = Secret, apiBaseUrl = telegram.BaseAddress.ToString().TrimEnd('/') }),
        })
        {
            configure.Headers.Authorization = new("Bearer", supervisor);
            Assert.Equal(HttpStatusCode.NoContent, (await fixture.Host.Http.SendAsync(configure)).StatusCode);
        }
        var problems = new List<string>();
        var anna = await fixture.SignInAsync(problems, "anna");
        await anna.SelectOptionAsync("#status", "online");

        using (var update = new HttpRequestMessage(HttpMethod.Post, "/hooks/telegram/demo")
        {
            Content = JsonContent.Create(new
            {
                update_id = 77,
                message = new
                {
                    message_id = 77, date = 0, chat = new { id = 31337, type = "private" },
                    from = new { id = 31337, is_bot = false, first_name = "Pavel" }, text = "Is the kettle still on sale?",
                },
            }),
        })
        {
            update.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            Assert.Equal(HttpStatusCode.OK, (await fixture.Host.Http.SendAsync(update)).StatusCode);
        }

        var row = anna.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(row.Locator(".chat-channel.channel-telegram")).ToHaveAttributeAsync("title", "Telegram");
        await Assertions.Expect(row).ToContainTextAsync("Pavel");
        await row.ClickAsync();
        await Assertions.Expect(anna.Locator("#messages")).ToContainTextAsync("Is the kettle still on sale?");
        await Assertions.Expect(anna.Locator("#chat-visitor .channel-telegram")).ToBeVisibleAsync();
        await Assertions.Expect(anna.Locator("#chat-context")).ToContainTextAsync("Telegram");
        await anna.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "switchboard-console-telegram.png") });
        BrowserProblems.None(problems);
    }
}
