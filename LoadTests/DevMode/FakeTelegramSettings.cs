namespace Switchboard.LoadTests.DevMode;

/// <summary>
/// Where the fake Telegram user writes: the gateway and site, the supervisor who points the site's telegram channel at
/// the fake Bot API, and who the user is.
/// </summary>
public sealed record FakeTelegramSettings(Uri Gateway, string Site, string Login, string Password, long UserId, string Name);
