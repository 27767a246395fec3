namespace Switchboard.Domain.Routing;

/// <summary>What the system says to visitors, in Russian or English (the visitor's language, else English).</summary>
public static class SystemTexts
{
    public static bool IsRussian(string? language) => language?.StartsWith("ru", StringComparison.OrdinalIgnoreCase) == true;

    public static string Hold(string? language) => IsRussian(language)
        ? "Мы получили ваш вопрос, консультант скоро ответит."
        : "We've got your question, an operator will answer shortly.";

    /// <summary>The honest situation when a chat overflows, and what the visitor can do about it.</summary>
    public static string Overflow(string reason, string? language, int? etaSeconds, string? hours) => (reason, IsRussian(language)) switch
    {
        (OverflowReasons.Closed, true) => $"Сейчас мы не работаем{Hours(hours, true)}. Оставьте сообщение или номер телефона — мы ответим, как только начнём работу.",
        (OverflowReasons.Closed, false) => $"We are closed right now{Hours(hours, false)}. Leave a message or your phone number and we will get back to you when we open.",
        (OverflowReasons.Offline, true) => "Сейчас нет свободных консультантов в сети. Оставьте сообщение или номер телефона — мы обязательно ответим.",
        (OverflowReasons.Offline, false) => "No operator is online right now. Leave a message or your phone number and we will get back to you.",
        (_, true) => $"Все консультанты заняты, ожидание{Minutes(etaSeconds, true)}. Можно подождать, оставить сообщение или заказать обратный звонок.",
        (_, false) => $"All operators are busy; the wait is{Minutes(etaSeconds, false)}. You can wait, leave a message or ask us to call you back.",
    };

    private static string Hours(string? hours, bool russian) =>
        hours is null ? "" : russian ? $" (часы работы: {hours})" : $" (our hours: {hours})";

    private static string Minutes(int? etaSeconds, bool russian)
    {
        if (etaSeconds is not { } eta)
        {
            return russian ? " дольше обычного" : " longer than usual";
        }
        var minutes = Math.Max(1, (int)Math.Ceiling(eta / 60.0));
        return russian ? $" около {minutes} мин" : $" about {minutes} min";
    }
}
