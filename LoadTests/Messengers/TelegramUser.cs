namespace Switchboard.LoadTests.Messengers;

/// <summary>A Telegram user writing to a site's bot: their user id (also their private chat's id) and first name.</summary>
public sealed record TelegramUser(long Id, string FirstName);
