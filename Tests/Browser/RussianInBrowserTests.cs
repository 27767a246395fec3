using Microsoft.Playwright;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// The seed retailers' shoppers and operators work in Russian: a browser in a Russian locale gets the widget, the
/// system's replies, the console and the monitor in Russian, end to end. The demo site's language is "auto", so
/// the browser's language decides.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RussianInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Russian = "ru-RU";

    [Fact]
    public async Task Widget_overflow_and_hold_replies_console_and_monitor_speak_russian()
    {
        var problems = new List<string>();
        var supervisor = await fixture.SignInAsync(problems, "olga", Russian);
        await Assertions.Expect(supervisor.Locator("#monitor-tab")).ToHaveTextAsync("Монитор");
        await Assertions.Expect(supervisor.Locator("[data-i18n='monitor.sl']")).ToHaveTextAsync("Уровень сервиса");
        var console = await fixture.SignInAsync(problems, "boris", Russian);
        await Assertions.Expect(console.Locator("[data-i18n='chats.heading']")).ToHaveTextAsync("Мои чаты");
        await Assertions.Expect(console.Locator("#status option[value=online]")).ToHaveTextAsync("В сети");

        // Nobody is online yet: the visitor's question gets the Russian overflow reply.
        var store = await fixture.NewPageAsync(problems, Russian);
        await store.GotoAsync("/product/cloud-hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await Assertions.Expect(store.Locator("[data-sb=panel] header")).ToHaveTextAsync("Чат с консультантом");
        await Assertions.Expect(store.Locator("[data-sb=send]")).ToHaveTextAsync("Отправить");
        await store.FillAsync("[data-sb=input]", "Есть ли худи размера M?");
        await store.ClickAsync("[data-sb=send]");
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=auto]")).ToContainTextAsync("Сейчас нет свободных консультантов в сети");

        // Boris comes online and gets the chat; until he answers, the hold message comes in Russian too.
        await console.SelectOptionAsync("#status", "online");
        await Assertions.Expect(store.Locator("[data-sb=status]")).ToContainTextAsync("отвечает");
        await Assertions.Expect(supervisor.Locator("#monitor-operators tr[data-operator-id=boris] .status")).ToContainTextAsync("В сети");
        await Assertions.Expect(store.Locator("[data-sb=message][data-kind=hold]"))
            .ToContainTextAsync("Мы получили ваш вопрос, консультант скоро ответит.", new() { Timeout = (float)HoldWait.TotalMilliseconds });
        await console.Locator("#chats li[data-conversation-id]").ClickAsync();
        await Assertions.Expect(console.Locator("#messages")).ToContainTextAsync("Мы получили ваш вопрос");
        await Assertions.Expect(console.Locator("#send")).ToHaveTextAsync("Отправить");

        await console.FillAsync("#reply", "Да, размер M есть.");
        await console.ClickAsync("#send");
        await Assertions.Expect(store.Locator("[data-sb=message][data-from=operator]")).ToContainTextAsync("размер M есть");
        await store.ClickAsync("[data-sb=close]");
        await Assertions.Expect(store.Locator("[data-sb=rating]")).ToContainTextAsync("Оцените консультацию:");
        Assert.Equal("ru", await store.EvaluateAsync<string>("() => localStorage.getItem('switchboard:demo:lang')"));
        BrowserProblems.None(problems);
    }

    /// <summary>The default hold comes 25 s after the unanswered message (a real clock here), with room for a loaded machine.</summary>
    private static readonly TimeSpan HoldWait = TimeSpan.FromSeconds(45);
}
