using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

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
