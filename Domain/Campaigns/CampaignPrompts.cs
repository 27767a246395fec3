using Switchboard.Contracts.Campaigns;

namespace Switchboard.Domain.Campaigns;

/// <summary>
/// The texts each script speaks, by prompt name, with <c>{field}</c> placeholders filled from the contact's <c>data</c>
/// (and <c>{name}</c>). A campaign's own <c>prompts</c> replace the defaults and must then name every prompt its kind
/// speaks: a script with a missing prompt is refused when the campaign is created, not discovered on a customer's call.
/// </summary>
public static class CampaignPrompts
{
    public const string Offer = "offer";
    public const string Yes = "yes";
    public const string No = "no";
    public const string CrossSell = "crossSell";
    public const string CrossSellYes = "crossSellYes";
    public const string CrossSellNo = "crossSellNo";
    public const string NotUnderstood = "notUnderstood";

    /// <summary>The prompts a kind speaks: <see cref="Offer"/> asks, <see cref="Yes"/> and <see cref="No"/> answer the choice.</summary>
    public static IReadOnlyList<string> Required(string kind) => kind == CampaignKinds.OrderConfirmation
        ? [Offer, Yes, No, CrossSell, CrossSellYes, CrossSellNo]
        : [Offer, Yes, No];

    /// <summary>The first prompt <paramref name="prompts"/> lacks for <paramref name="kind"/>, or null when none is missing.</summary>
    public static string? Missing(string kind, IReadOnlyDictionary<string, string> prompts) =>
        Required(kind).FirstOrDefault(name => !prompts.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text));

    /// <summary>The texts a <paramref name="kind"/> campaign speaks unless it brings its own (the console's New campaign form starts from them).</summary>
    public static IReadOnlyDictionary<string, string> Defaults(string kind, string language) =>
        Required(kind).ToDictionary(name => name, name => Default(kind, name, language == "ru"));

    public static string Text(CampaignDefinition campaign, string name, string language) =>
        campaign.Prompts is { } own && own.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : Default(campaign.Kind, name, language == "ru");

    private static string Default(string kind, string name, bool ru) => (kind, name) switch
    {
        (_, NotUnderstood) => ru ? "Извините, не расслышали. Нажмите 1 или скажите да, нажмите 2 или скажите нет." : "Sorry, we did not catch that. Press 1 or say yes, press 2 or say no.",
        (CampaignKinds.QuoteReminder, Offer) => ru
            ? "Здравствуйте! Вы запрашивали у нас расчёт: {quote}. Только сегодня на него действует скидка {discount}. Чтобы оператор перезвонил и оформил заказ, нажмите 1 или скажите да; если не нужно, нажмите 2 или скажите нет."
            : "Hello! You asked us for a quote: {quote}. Today only it comes with a {discount} discount. Press 1 or say yes to have an operator call you back to order; press 2 or say no if not.",
        (CampaignKinds.QuoteReminder, Yes) => ru ? "Спасибо! Оператор скоро вам перезвонит. До свидания." : "Thank you! An operator will call you back shortly. Goodbye.",
        (CampaignKinds.QuoteReminder, No) => ru ? "Понятно, спасибо. До свидания." : "Understood, thank you. Goodbye.",
        (CampaignKinds.BackInStock, Offer) => ru
            ? "Здравствуйте! {item} снова в наличии. Мы пришлём ссылку на товар сообщением. Чтобы поговорить с оператором, нажмите 1 или скажите да; нажмите 2 или скажите нет, чтобы закончить."
            : "Hello! {item} is back in stock. We will send you the product link in a message. Press 1 or say yes to talk to an operator; press 2 or say no to finish.",
        (CampaignKinds.BackInStock, Yes) => ru ? "Оператор скоро вам перезвонит. До свидания." : "An operator will call you back shortly. Goodbye.",
        (CampaignKinds.BackInStock, No) => ru ? "Ссылка уже в пути. До свидания." : "The link is on its way. Goodbye.",
        (CampaignKinds.OrderConfirmation, Offer) => ru
            ? "Здравствуйте! Ваш заказ {order}: {items}. Доставка {deliveryDate}. Если всё верно, нажмите 1 или скажите да; чтобы изменить заказ, нажмите 2 или скажите нет."
            : "Hello! Your order {order}: {items}. Delivery on {deliveryDate}. Press 1 or say yes if that is right; press 2 or say no to change it.",
        (CampaignKinds.OrderConfirmation, Yes) => ru ? "Спасибо, заказ подтверждён." : "Thank you, your order is confirmed.",
        (CampaignKinds.OrderConfirmation, No) => ru ? "Оператор скоро перезвонит, чтобы изменить заказ. До свидания." : "An operator will call you back shortly to change the order. Goodbye.",
        (CampaignKinds.OrderConfirmation, CrossSell) => ru
            ? "К вашему заказу подходит {accessory}. Добавить? Нажмите 1 или скажите да, нажмите 2 или скажите нет."
            : "{accessory} goes well with your order. Shall we add it? Press 1 or say yes, press 2 or say no.",
        (CampaignKinds.OrderConfirmation, CrossSellYes) => ru ? "Добавили. Спасибо за заказ! До свидания." : "Added. Thank you for your order! Goodbye.",
        (CampaignKinds.OrderConfirmation, CrossSellNo) => ru ? "Хорошо. Спасибо за заказ! До свидания." : "All right. Thank you for your order! Goodbye.",
        _ => "",
    };
}
