using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Channels;

/// <summary>What a messenger contact is told that a web visitor sees as part of the widget instead.</summary>
public static class ChannelTexts
{
    public static string Joined(string operatorName, string? language) => SystemTexts.IsRussian(language)
        ? $"{operatorName} подключился к диалогу."
        : $"{operatorName} has joined the chat.";

    public static string Closed(string? language) => SystemTexts.IsRussian(language)
        ? "Диалог завершён. Оцените, пожалуйста, как мы помогли: от 1 до 5."
        : "The chat is closed. Please rate our help from 1 to 5.";
}
