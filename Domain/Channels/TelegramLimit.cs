using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Channels;

/// <summary>
/// Telegram shows at most 4,096 characters in one message. An operator's message goes out as "Name: text", so the
/// limit counts the name too; the console counts the same way while the operator types.
/// </summary>
public static class TelegramLimit
{
    public const int MaxCharacters = 4096;

    public static bool Applies(string channel) => channel == ChannelNames.Telegram;

    public static int Length(string? author, string? text) => (author is null ? 0 : author.Length + 2) + (text?.Length ?? 0);

    public static bool Fits(string? author, string? text) => Length(author, text) <= MaxCharacters;
}
