using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Sites;

/// <summary>The standalone demo tenant of PROTOCOL.md: queues general and stylist, anna, boris and olga.</summary>
public static class DemoSite
{
    public const string Id = "demo";

    public static SiteConfig Build(string operatorPassword)
    {
        var hash = PasswordHash.Create(operatorPassword);
        return new SiteConfig
        {
            Name = "Switchboard Demo Store",
            Language = "auto",
            AllowedOrigins = ["http://localhost", "http://127.0.0.1"],
            DefaultQueue = "general",
            Queues = [new("general", "General questions"), new("stylist", "Stylist consultation")],
            Operators =
            [
                new("anna", "Anna", Roles.Operator, hash, ["general", "stylist"], 4),
                new("boris", "Boris", Roles.Operator, hash, ["general"], 4),
                new("olga", "Olga", Roles.Supervisor, hash, [], 4),
            ],
            IdentitySecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            CannedResponses =
            [
                new("/hello", "Greeting", "Hello, {visitorName}! I'm {operatorName}. How can I help you today?"),
                new("/delivery", "Delivery", "Delivery takes 1–3 days in Moscow and St Petersburg and 3–7 days elsewhere; it is free from 5,000 ₽."),
                new("/size", "Size", "Which size do you usually wear?") { QuickReplies = ["XS", "S", "M", "L", "XL"] },
                new("/order", "Order status", "Let me check order {orderNumber} for you."),
                new("/bye", "Goodbye", "Thank you for your question! Have a nice day."),
            ],
            Tags = ["delivery", "sizing", "returns", "payment", "order status", "other"],
            Invitations = new InvitationSettings
            {
                Rules =
                [
                    new("product-dwell", "Need help choosing: {product}? Our stylist will gladly advise.")
                    {
                        Priority = 10, Queue = "stylist", UrlContains = "/product/", MinPageSeconds = 120,
                    },
                    new("abandoned-cart", "Still thinking about {cartItem}? Ask us about sizes, delivery or payment.")
                    {
                        Priority = 20, Queue = "general", CartUnchangedMinutes = 10,
                    },
                ],
            },
        };
    }
}
