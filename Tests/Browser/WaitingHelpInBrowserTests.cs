using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>Help while waiting in Chromium: the demo site's buttons and FAQ, set over REST, answer a Russian shopper in the widget.</summary>
[Trait("Category", "Browser")]
public sealed class WaitingHelpInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Russian = "ru-RU";

    [Fact]
    public async Task Buttons_faq_and_order_status_answer_while_queued_and_the_operator_who_joins_sees_why()
    {
        await ConfigureHelp();
        var problems = new List<string>();
        var store = await fixture.NewPageAsync(problems, Russian);
        await store.GotoAsync("/product/cloud-hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "Здравствуйте");
        await store.ClickAsync("[data-sb=send]");

        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=bot]").First).ToContainTextAsync("Пока вы ждёте консультанта");
        await store.ClickAsync("[data-sb=quick-reply]:has-text('Возврат')");
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=bot]").Last).ToContainTextAsync("в течение 30 дней");
        await store.FillAsync("[data-sb=input]", "Сколько дней идет доставка курьером?");
        await store.ClickAsync("[data-sb=send]");
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=bot]").Last).ToContainTextAsync("от 2 до 4 дней");
        await store.ClickAsync("[data-sb=quick-reply]:has-text('Где мой заказ?')");
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=bot]").Last).ToContainTextAsync("номер заказа");
        await store.FillAsync("[data-sb=input]", "SB-12345");
        await store.ClickAsync("[data-sb=send]");
        // The demo CRM answers for the demo site: the order's status and delivery date, in Russian.
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=bot]").Last).ToContainTextAsync("Заказ SB-12345");
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=bot]").Last).ToContainTextAsync("доставка 25.11.2026");

        var console = await fixture.SignInAsync(problems, "boris", Russian);
        await console.SelectOptionAsync("#status", "online");
        await console.Locator("#chats li[data-conversation-id]").ClickAsync();
        await Assertions.Expect(console.Locator("#messages .msg[data-kind=bot]")).ToHaveCountAsync(5);
        await Assertions.Expect(console.Locator("#messages")).ToContainTextAsync("Доставка занимает от 2 до 4 дней.");
        await Assertions.Expect(console.Locator("#messages .bot-reason").Nth(2)).ToHaveTextAsync("Бот ожидания · faq:delivery (дней, достав, идет, курьер, скольк)");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync("отвечает");
        BrowserProblems.None(problems);
    }

    private async Task ConfigureHelp()
    {
        var token = await fixture.Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/sites/demo/waiting-help")
        {
            Content = JsonContent.Create(new
            {
                buttons = new object[]
                {
                    new { id = "order", label = new { en = "Where is my order?", ru = "Где мой заказ?" }, action = "order_status" },
                    new
                    {
                        id = "returns", label = new { en = "Returns", ru = "Возврат" },
                        answer = new { en = "Returns are free within 30 days.", ru = "Вернуть товар можно бесплатно в течение 30 дней." },
                    },
                    new { id = "person", label = new { en = "Talk to a person", ru = "Позвать консультанта" }, action = "person" },
                },
                faq = new[]
                {
                    new
                    {
                        id = "delivery", question = new { en = "How long does delivery take?", ru = "Сколько дней идёт доставка?" },
                        answer = new { en = "Delivery takes 2 to 4 days.", ru = "Доставка занимает от 2 до 4 дней." },
                        keywords = new[] { "courier", "курьер" },
                    },
                },
            }),
        };
        request.Headers.Authorization = new("Bearer", token);
        var response = await fixture.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
