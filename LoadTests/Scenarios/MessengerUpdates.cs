using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Messenger traffic at a fixed rate, open model: Telegram updates pushed to the webhook at <c>rate</c> per second,
/// round-robin over a pool of users whose chats are open. Delivery webhook → operator is measured by the operators'
/// scenario (the probe is stamped when the update is pushed); the operators' replies are timed when the fake Bot API
/// receives them (<see cref="TelegramUsers.ReplyToPlatform"/>).
/// </summary>
public static class MessengerUpdates
{
    public const string Name = "telegram updates at a fixed rate";
    public const string Webhook = "webhook 200";

    public static Scenario Create(TelegramUsers users, int rate, TimeSpan warmUp, TimeSpan during) =>
        Scenario.Create(Name, async context =>
            {
                users.Sink = context;
                var user = users.Users[(int)(context.Invocation % users.Users.Count)];
                await context.StepAsync(Webhook, () => users.PushAsync(user, Probe.Stamp("Is there a discount today?")));
            })
            // No clean-up here: the last replies are still on their way to the fake when the load ends. Disposing the users does it.
            .WithInit(users.OpenAsync)
            .WithWarmUp(warmUp)
            .WithLoad(LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), during));
}
