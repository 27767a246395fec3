namespace Switchboard.Domain.Calls;

/// <summary>What the caller hears, in the site's language (Russian or English; any other language hears English).</summary>
public static class PhoneTexts
{
    public const string DefaultLanguage = "en";

    /// <summary>The phone speaks the site's language; a site set to follow each visitor's browser (<c>auto</c>) speaks English.</summary>
    public static string LanguageOf(string siteLanguage) => siteLanguage is "ru" ? "ru" : DefaultLanguage;

    public static string Menu(string language) => language == "ru"
        ? "Все операторы сейчас заняты. Нажмите 1, чтобы узнать статус последнего заказа, 2, чтобы мы вам перезвонили, 0, чтобы дождаться оператора."
        : "All our operators are busy right now. Press 1 for the status of your latest order, 2 to be called back, or 0 to wait for an operator.";

    public static string MenuAgain(string language) => language == "ru"
        ? "Нажмите 1 для статуса заказа, 2 для обратного звонка, 0, чтобы дождаться оператора."
        : "Press 1 for your order status, 2 to be called back, or 0 to wait for an operator.";

    public static string NotUnderstood(string language) => language == "ru" ? "Извините, такой команды нет." : "Sorry, that is not one of the choices.";

    public static string CallbackTaken(string language) => language == "ru"
        ? "Спасибо. Оператор перезвонит вам на этот номер. До свидания."
        : "Thank you. An operator will call you back at this number. Goodbye.";

    public static string PleaseWait(string language) => language == "ru"
        ? "Пожалуйста, оставайтесь на линии: вам ответит первый освободившийся оператор."
        : "Please stay on the line: the next free operator will answer.";

    public static string Connecting(string language) => language == "ru"
        ? "Соединяем вас с оператором, пожалуйста, оставайтесь на линии."
        : "Connecting you to an operator, please stay on the line.";

    public static string NobodyAnswered(string language) => language == "ru"
        ? "К сожалению, оператор не смог ответить."
        : "Sorry, the operator could not take your call.";

    public static string Goodbye(string language) => language == "ru" ? "Мы не получили ответа. До свидания." : "We did not hear a choice. Goodbye.";

    public static string OrderStatus(string language, string number, DateOnly date, string status) => language == "ru"
        ? $"Ваш заказ {number} от {date:dd.MM.yyyy}: {StatusRu(status)}."
        : $"Your order {number} of {date:MMMM d} is {status}.";

    public static string NoOrders(string language) => language == "ru"
        ? "Мы не нашли заказов для вашего номера."
        : "We found no orders for your number.";

    public static string OrdersUnavailable(string language) => language == "ru"
        ? "Статус заказа сейчас недоступен, попробуйте позже."
        : "Order status is not available right now; please try again later.";

    private static string StatusRu(string status) => status switch
    {
        "delivered" => "доставлен",
        "in transit" => "в пути",
        "processing" => "в обработке",
        _ => status,
    };
}
