using Switchboard.Contracts.Help;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Help;

/// <summary>What the help-while-waiting bot says of its own, in Russian or English (the visitor's language, else English).</summary>
public static class BotTexts
{
    public static string Greeting(string? language) => SystemTexts.IsRussian(language)
        ? "Пока вы ждёте консультанта, возможно, ответ уже есть здесь:"
        : "While you wait for an operator, the answer may already be here:";

    public static string Person(string? language) => SystemTexts.IsRussian(language)
        ? "Хорошо, консультант подключится, как только освободится. Ваше место в очереди сохранено."
        : "Sure, an operator will join as soon as one is free. You keep your place in the queue.";

    public static string AskOrderNumber(string? language) => SystemTexts.IsRussian(language)
        ? "Напишите, пожалуйста, номер заказа — я проверю его статус."
        : "Please send your order number and I will look it up.";

    public static string Order(string? language, OrderStatus order) => (SystemTexts.IsRussian(language), order.DeliveryDate) switch
    {
        (true, { } date) => $"Заказ {order.Number}: {order.Status}, доставка {date:dd.MM.yyyy}.",
        (true, null) => $"Заказ {order.Number}: {order.Status}.",
        (false, { } date) => $"Order {order.Number}: {order.Status}, delivery on {date:yyyy-MM-dd}.",
        (false, null) => $"Order {order.Number}: {order.Status}.",
    };

    public static string NoOrder(string? language) => SystemTexts.IsRussian(language)
        ? "Я не нашёл такого заказа. Консультант поможет, когда подключится."
        : "I could not find that order. An operator will help when they join.";

    public static string OrdersUnavailable(string? language) => SystemTexts.IsRussian(language)
        ? "Сейчас я не могу проверить заказы. Консультант поможет, когда подключится."
        : "I cannot check orders right now. An operator will help when they join.";
}
