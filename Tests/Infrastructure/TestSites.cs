using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;

namespace Switchboard.Tests.Infrastructure;

/// <summary>A fresh site per test, so grains' state never leaks from one test into another.</summary>
public static class TestSites
{
    public const string Password = "secret-pass";
    private static readonly string PasswordHashValue = PasswordHash.Create(Password);

    public static SiteConfig Config(params (string Login, int Capacity, string[] Queues)[] operators) => new()
    {
        Name = "Test shop",
        DefaultQueue = "general",
        Queues = [new("general", "General"), new("stylist", "Stylist")],
        Operators = operators
            .Select(o => new OperatorAccount(o.Login, char.ToUpperInvariant(o.Login[0]) + o.Login[1..], Roles.Operator, PasswordHashValue, o.Queues, o.Capacity))
            .Append(new OperatorAccount("sup", "Sup", Roles.Supervisor, PasswordHashValue, [], 4))
            .ToList(),
        IdentitySecret = "test-identity-secret",
        AllowedOrigins = ["https://shop.example"],
    };

    public static async Task<string> CreateAsync(IGrainFactory grains, params (string Login, int Capacity, string[] Queues)[] operators)
    {
        var site = "t" + Guid.NewGuid().ToString("N")[..10];
        await grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).CreateIfAbsent(Config(operators));
        return site;
    }
}
