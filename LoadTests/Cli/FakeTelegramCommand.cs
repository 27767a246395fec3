using System.CommandLine;
using Switchboard.LoadTests.DevMode;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>fake-telegram [--gateway URL] [--site demo]</c>: chat from a fake Telegram user to the console (docs/channels.md).</summary>
public static class FakeTelegramCommand
{
    public static Command Create()
    {
        var gateway = new Option<string>("--gateway") { Description = "The running gateway's base URL", DefaultValueFactory = _ => "http://localhost:5080" };
        var site = CliOptions.Site("demo");
        var login = new Option<string>("--login") { Description = "A supervisor of the site, who points its telegram channel at the fake", DefaultValueFactory = _ => "olga" };
        var password = new Option<string>("--password") { Description = "The supervisor's password", DefaultValueFactory = _ => "demo" };
        var user = new Option<long>("--user-id") { Description = "The fake user's Telegram id", DefaultValueFactory = _ => 100_001 };
        var name = new Option<string>("--name") { Description = "The fake user's first name", DefaultValueFactory = _ => "Ivan" };
        var command = new Command("fake-telegram", "Start a fake Telegram Bot API on loopback, point the site's telegram channel at it, and chat "
            + "from a fake Telegram user: lines typed go through the webhook, the bot's messages are printed") { gateway, site, login, password, user, name };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new FakeTelegramSettings(new Uri(parse.GetValue(gateway)!), parse.GetValue(site)!, parse.GetValue(login)!,
                parse.GetValue(password)!, parse.GetValue(user), parse.GetValue(name)!);
            return new FakeTelegramChat(settings, Console.In, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }
}
