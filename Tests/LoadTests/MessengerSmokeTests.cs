using Switchboard.LoadTests.Messengers;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.LoadTests;

/// <summary>
/// A few seconds of the benchmark's messenger part against the real gateway: Telegram updates through the webhook,
/// scripted operators answering each, the replies arriving at the fake Bot API with their timing. The counts matter here.
/// </summary>
public sealed class MessengerSmokeTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Telegram_updates_reach_the_operators_and_every_reply_reaches_the_fake_bot_api()
    {
        var site = await TestSites.CreateAsync(gateway.Host.Grains, ("ann", 4, ["general"]), ("bob", 4, ["general"]));
        var target = new Target(gateway.Host.BaseAddress);
        await using var desk = new OperatorDesk(target, site, ["ann", "bob"], TestSites.Password);
        await using var users = new TelegramUsers(target, site, "sup", TestSites.Password, 3);
        var replies = new List<BotMessage>();

        var run = await LoadRunner.RunAsync("messenger smoke", [
            OperatorsAnswering.Create(desk, new OperatorScript(Greet: false, ReplyEvery: 1, TimeSpan.Zero)),
            MessengerUpdates.Create(users, 4, TimeSpan.Zero, TimeSpan.FromSeconds(1.5)),
        ], [WatchedProcess.Self("test host")], CancellationToken.None);
        // Six operator replies (one per probed update) after the three "has joined" notices, whenever the outbox sends them.
        while (replies.Count < 6)
        {
            if (FakeTelegram.ReadMessage(await users.Telegram.Api.NextRequestAsync(Waits.Signal)) is { } sent && sent.Text.Contains(": lt", StringComparison.Ordinal))
            {
                replies.Add(sent);
            }
        }

        Assert.Equal(0, run.Failures);
        Assert.Equal(3, run.Scenario(MessengerUpdates.Name).InitSteps.Single(s => s.Name == "first update").Ok);
        Assert.Equal(6, run.Scenario(MessengerUpdates.Name).Step(MessengerUpdates.Webhook)?.Ok);
        // All six reached the operators (each was answered, above); the measure counts those that arrived inside the
        // run's window, which a loaded machine can close on the last one.
        Assert.InRange(run.Scenario(OperatorsAnswering.Name).Step(Measures.DeliveryToOperator)?.Ok ?? 0, 1, 6);
        Assert.True(run.Scenario(MessengerUpdates.Name).Step(TelegramUsers.ReplyToPlatform)?.Ok > 0, "No reply was timed at the fake Bot API during the run.");
        Assert.Equal(3, replies.Select(r => r.ChatId).Distinct().Count());
    }
}
